package org.takedown.common.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Reads, writes and names Ed25519 keys in the base64 DER form used by configuration. */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";
    private static final int RAW_LENGTH = 32;
    /** An Ed25519 SubjectPublicKeyInfo: a fixed 12-byte header, then the raw key. */
    private static final int X509_LENGTH = 44;

    private Ed25519Keys() {
    }

    public static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 X.509 Ed25519 public key", e);
        }
    }

    /** The 32-byte seed that RFC 8032 signs with. */
    static byte[] rawPrivateKey(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey edwards)) {
            throw new IllegalArgumentException("Not an Ed25519 private key");
        }
        return edwards.getBytes().orElseThrow(() -> new IllegalArgumentException("The Ed25519 private key has no seed"));
    }

    /** The 32-byte encoded point that RFC 8032 verifies with: the tail of the key's X.509 encoding. */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != X509_LENGTH) {
            throw new IllegalArgumentException("Not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_LENGTH - RAW_LENGTH, X509_LENGTH);
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no Ed25519", e);
        }
    }

    public static String encode(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A short, stable id for a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints a new key pair, for operators: {@code java -cp common.jar org.takedown.common.signing.Ed25519Keys}. */
    public static void main(String[] args) {
        KeyPair pair = generate();
        System.out.println("private-key=" + encode(pair.getPrivate()));
        System.out.println("public-key=" + encode(pair.getPublic()));
        System.out.println("key-id=" + keyId(pair.getPublic()));
    }
}
