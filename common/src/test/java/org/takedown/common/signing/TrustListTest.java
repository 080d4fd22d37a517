package org.takedown.common.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.EventCodecTest;
import org.takedown.common.event.SampleEvents;

class TrustListTest {

    final KeyPair aws = Ed25519Keys.generate();
    final KeyPair forger = Ed25519Keys.generate();
    final TrustList trust = TrustList.parse(List.of("aws:" + Ed25519Keys.encode(aws.getPublic())));

    ObjectNode signedBy(KeyPair pair, String source) {
        return new EventSigner(pair.getPrivate(), pair.getPublic())
                .sign(EventCodecTest.CODEC_FOR_TESTS.envelope(source, SampleEvents.suspension(), Instant.now()));
    }

    @Test
    void acceptsAnEventSignedByATrustedKeyAfterATripThroughText() throws Exception {
        ObjectNode signed = signedBy(aws, "aws");
        ObjectNode received = EventCodecTest.CODEC_FOR_TESTS.parse(EventCodecTest.CODEC_FOR_TESTS.toJson(signed));

        assertDoesNotThrow(() -> trust.verify(received));
    }

    @Test
    void refusesAForgedSignature() {
        ObjectNode forged = signedBy(forger, "aws");

        UntrustedEventException e = assertThrows(UntrustedEventException.class, () -> trust.verify(forged));
        assertTrue(e.getMessage().contains("not a trusted key"), e.getMessage());
    }

    @Test
    void refusesATamperedEvent() {
        ObjectNode tampered = signedBy(aws, "aws");
        ((ObjectNode) tampered.get("data")).put("action", "TERMINATE");

        assertThrows(UntrustedEventException.class, () -> trust.verify(tampered));
    }

    @Test
    void refusesAnUntrustedSourceAndAnUnsignedEvent() {
        assertThrows(UntrustedEventException.class, () -> trust.verify(signedBy(aws, "mallory")));

        ObjectNode unsigned = signedBy(aws, "aws");
        unsigned.remove(EventSigner.SIGNATURE);
        assertThrows(UntrustedEventException.class, () -> trust.verify(unsigned));
    }

    @Test
    void acceptsEitherKeyWhileOneIsRotated() {
        KeyPair next = Ed25519Keys.generate();
        TrustList rotating = TrustList.parse(List.of("aws:" + Ed25519Keys.encode(aws.getPublic()),
                "aws:" + Ed25519Keys.encode(next.getPublic())));

        assertDoesNotThrow(() -> rotating.verify(signedBy(aws, "aws")));
        assertDoesNotThrow(() -> rotating.verify(signedBy(next, "aws")));
    }

    @Test
    void refusesAMalformedTrustEntry() {
        assertThrows(IllegalArgumentException.class, () -> TrustList.parse(List.of("aws")));
        assertThrows(IllegalArgumentException.class, () -> TrustList.parse(List.of("aws:not-a-key")));
    }

    @Test
    void signaturesAreStandardEd25519ThatTheJdkVerifies() throws Exception {
        ObjectNode signed = signedBy(aws, "aws");
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(aws.getPublic());
        jdk.update(CanonicalJson.bytes(CanonicalJson.without(signed, EventSigner.SIGNATURE)));

        assertTrue(jdk.verify(Base64.getDecoder().decode(signed.get(EventSigner.SIGNATURE).asText())));
    }

    @Test
    void acceptsAnEventThatAnotherEd25519ImplementationSigned() throws Exception {
        ObjectNode envelope = EventCodecTest.CODEC_FOR_TESTS.envelope("aws", SampleEvents.suspension(), Instant.now());
        envelope.put(EventSigner.KEY_ID, Ed25519Keys.keyId(aws.getPublic()));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(aws.getPrivate());
        jdk.update(CanonicalJson.bytes(envelope));
        envelope.put(EventSigner.SIGNATURE, Base64.getEncoder().encodeToString(jdk.sign()));

        assertDoesNotThrow(() -> trust.verify(envelope));
    }

    @Test
    void refusesASignatureOfTheWrongLength() {
        ObjectNode truncated = signedBy(aws, "aws");
        truncated.put(EventSigner.SIGNATURE, Base64.getEncoder().encodeToString(new byte[32]));

        UntrustedEventException e = assertThrows(UntrustedEventException.class, () -> trust.verify(truncated));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    }

    @Test
    void refusesASignerWhosePublicKeyIsNotItsOwn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EventSigner(aws.getPrivate(), forger.getPublic()));
        assertEquals("The signing public key does not belong to the signing private key", e.getMessage());
    }
}
