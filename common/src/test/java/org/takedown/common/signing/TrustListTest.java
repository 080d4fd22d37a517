package org.takedown.common.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Instant;
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
}
