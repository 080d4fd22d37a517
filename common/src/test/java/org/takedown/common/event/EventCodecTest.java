package org.takedown.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

public class EventCodecTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final EventCodec CODEC_FOR_TESTS = new EventCodec(MAPPER, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void roundTripsADecisionThroughTheEnvelope() throws Exception {
        ObjectNode envelope = CODEC_FOR_TESTS.envelope("aws", SampleEvents.suspension(), Instant.parse("2021-01-10T23:59:01Z"));

        ReceivedEvent event = CODEC_FOR_TESTS.decode(CODEC_FOR_TESTS.parse(CODEC_FOR_TESTS.toJson(envelope)));

        assertEquals(EventType.DECISION_ISSUED, event.type());
        assertEquals("org.takedown.decision.issued.v1", event.envelope().type());
        assertEquals("Parler LLC", event.envelope().subject());
        assertEquals("urn:takedown:schema:decision.issued:v1", event.envelope().dataschema());
        assertEquals(SampleEvents.suspension(), event.payload());
    }

    @Test
    void readsTheSubjectAloneWhereverItStandsAndWhateverSurroundsIt() {
        ObjectNode envelope = CODEC_FOR_TESTS.envelope("aws", SampleEvents.suspension(), Instant.now());
        assertEquals(Optional.of("Parler LLC"), CODEC_FOR_TESTS.subject(CODEC_FOR_TESTS.toJson(envelope)));

        // a nested "subject" is not the envelope's, however early it comes
        String nestedFirst = "{\"data\":{\"subject\":\"inner\",\"list\":[{\"subject\":1}]},\"subject\":\"outer\"}";
        assertEquals(Optional.of("outer"), CODEC_FOR_TESTS.subject(nestedFirst));
    }

    @Test
    void hasNoSubjectForABodyThatIsNotAnEnvelopeWithATextSubject() {
        for (String body : new String[] {"{this is not json", "[\"subject\"]", "\"subject\"", "{\"subject\":42}",
                "{\"id\":\"1\"}", ""}) {
            assertTrue(CODEC_FOR_TESTS.subject(body).isEmpty(), body);
        }
    }

    @Test
    void toleratesUnknownFields() throws Exception {
        ObjectNode envelope = CODEC_FOR_TESTS.envelope("aws", SampleEvents.suspension(), Instant.now());
        envelope.put("futureattribute", "x");
        ((ObjectNode) envelope.get("data")).put("futureField", 42);

        assertEquals(SampleEvents.suspension(), CODEC_FOR_TESTS.decode(envelope).payload());
    }

    @Test
    void refusesAMissingRequiredFieldAndNamesIt() {
        ObjectNode envelope = CODEC_FOR_TESTS.envelope("aws", SampleEvents.suspension(), Instant.now());
        ((ObjectNode) envelope.get("data").get("statement")).remove("facts");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> CODEC_FOR_TESTS.decode(envelope));
        assertTrue(e.getMessage().contains("data.statement.facts"), e.getMessage());
    }

    @Test
    void refusesAnUnknownTypeAndAMissingEnvelopeAttribute() {
        ObjectNode unknownType = CODEC_FOR_TESTS.envelope("aws", SampleEvents.suspension(), Instant.now());
        unknownType.put("type", "org.takedown.decision.issued.v9");
        assertThrows(MalformedEventException.class, () -> CODEC_FOR_TESTS.decode(unknownType));

        ObjectNode noSource = CODEC_FOR_TESTS.envelope("aws", SampleEvents.suspension(), Instant.now());
        noSource.remove("source");
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> CODEC_FOR_TESTS.decode(noSource));
        assertTrue(e.getMessage().contains("envelope.source"), e.getMessage());
    }

    @Test
    void refusesToPublishAnInvalidPayload() {
        DecisionIssued valid = SampleEvents.suspension();
        DecisionIssued noDecider = new DecisionIssued(valid.decisionId(), valid.party(), valid.action(), valid.scope(),
                valid.statement(), valid.evidence(), valid.basedOn(), " ", valid.decidedAt());

        assertThrows(IllegalArgumentException.class, () -> CODEC_FOR_TESTS.envelope("aws", noDecider, Instant.now()));
    }

    @Test
    void refusesBrokenJson() {
        assertThrows(MalformedEventException.class, () -> CODEC_FOR_TESTS.parse("{not json"));
        assertThrows(MalformedEventException.class, () -> CODEC_FOR_TESTS.parse("[1,2]"));
    }
}
