package org.takedown.common.signing;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The providers whose events this instance accepts, each with one or more public keys (more than one while a key is
 * rotated). An event is trusted only if its source is listed and its signature verifies with the key it names.
 */
public final class TrustList {

    /** Each key is decoded and checked once, here, rather than at every verification. */
    private final Map<String, Map<String, Ed25519.PublicPoint>> keysByProvider = new HashMap<>();

    /** Parses entries of the form {@code providerId:base64PublicKey}. */
    public static TrustList parse(Collection<String> entries) {
        TrustList list = new TrustList();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("Trust entry must be providerId:base64PublicKey, got '" + entry + "'");
            }
            list.trust(entry.substring(0, colon).strip(), Ed25519Keys.publicKey(entry.substring(colon + 1)));
        }
        return list;
    }

    public TrustList trust(String providerId, PublicKey key) {
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(Ed25519Keys.rawPublicKey(key), 0);
        if (point == null) {
            throw new IllegalArgumentException("The public key of '" + providerId + "' is not a valid Ed25519 point");
        }
        keysByProvider.computeIfAbsent(providerId, id -> new HashMap<>()).put(Ed25519Keys.keyId(key), point);
        return this;
    }

    /** Checks the envelope's source, key id and signature; returns normally only for a trusted event. */
    public void verify(ObjectNode envelope) throws UntrustedEventException {
        String source = text(envelope.get("source"));
        Map<String, Ed25519.PublicPoint> keys = keysByProvider.get(source);
        if (keys == null) {
            throw new UntrustedEventException("source '" + source + "' is not on the trust list");
        }
        String keyId = text(envelope.get(EventSigner.KEY_ID));
        String signatureValue = text(envelope.get(EventSigner.SIGNATURE));
        if (keyId == null || signatureValue == null) {
            throw new UntrustedEventException("event is not signed");
        }
        Ed25519.PublicPoint key = keys.get(keyId);
        if (key == null) {
            throw new UntrustedEventException("key '" + keyId + "' is not a trusted key of '" + source + "'");
        }
        byte[] signature = decodeSignature(signatureValue);
        byte[] message = CanonicalJson.bytes(CanonicalJson.without(envelope, EventSigner.SIGNATURE));
        if (!Ed25519.verify(signature, 0, key, message, 0, message.length)) {
            throw new UntrustedEventException("signature does not verify with key '" + keyId + "' of '" + source + "'");
        }
    }

    private static byte[] decodeSignature(String value) throws UntrustedEventException {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new UntrustedEventException("signature is malformed: " + e.getMessage());
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            throw new UntrustedEventException("signature is malformed: " + signature.length + " bytes, not "
                    + Ed25519.SIGNATURE_SIZE);
        }
        return signature;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
