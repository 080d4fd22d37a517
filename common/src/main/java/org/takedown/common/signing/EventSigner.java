package org.takedown.common.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Signs this provider's events with its Ed25519 key. */
public final class EventSigner {

    public static final String KEY_ID = "signingkey";
    public static final String SIGNATURE = "signature";

    private final PrivateKey privateKey;
    private final String keyId;

    public EventSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.keyId = Ed25519Keys.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    /** Returns a copy of the envelope with {@code signingkey} and {@code signature} set. */
    public ObjectNode sign(ObjectNode envelope) {
        ObjectNode signed = CanonicalJson.without(envelope, SIGNATURE);
        signed.put(KEY_ID, keyId);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(CanonicalJson.bytes(signed));
            signed.put(SIGNATURE, Base64.getEncoder().encodeToString(signature.sign()));
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
