package org.takedown.common.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs this provider's events with its Ed25519 key (RFC 8032, so any Ed25519 implementation verifies them). The
 * arithmetic is BouncyCastle's, which is about ten times faster than JDK 17's.
 */
public final class EventSigner {

    public static final String KEY_ID = "signingkey";
    public static final String SIGNATURE = "signature";

    private final byte[] seed;
    private final byte[] publicKey;
    private final String keyId;

    /** Refuses a public key that does not belong to the private key: every signature would fail to verify. */
    public EventSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.seed = Ed25519Keys.rawPrivateKey(privateKey);
        this.publicKey = Ed25519Keys.rawPublicKey(publicKey);
        byte[] derived = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, derived, 0);
        if (!Arrays.equals(derived, this.publicKey)) {
            throw new IllegalArgumentException("The signing public key does not belong to the signing private key");
        }
        this.keyId = Ed25519Keys.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    /** Returns a copy of the envelope with {@code signingkey} and {@code signature} set. */
    public ObjectNode sign(ObjectNode envelope) {
        ObjectNode signed = CanonicalJson.without(envelope, SIGNATURE);
        signed.put(KEY_ID, keyId);
        byte[] message = CanonicalJson.bytes(signed);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        signed.put(SIGNATURE, Base64.getEncoder().encodeToString(signature));
        return signed;
    }
}
