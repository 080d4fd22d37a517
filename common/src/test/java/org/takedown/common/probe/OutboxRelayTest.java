package org.takedown.common.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.common.event.EventCodec;
import org.takedown.common.outbox.OutboxEvent;
import org.takedown.common.signing.TrustList;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.DevKeys;
import org.takedown.testkit.Tokens;

@QuarkusTest
class OutboxRelayTest {

    static final String WATCH = "outbox-relay-test-watch";
    static final String REVIEWER = Tokens.staff("reviewer-1", "reviewer");

    @Inject
    EventCodec codec;

    @Inject
    ProbeResource.ProbeService probe;

    @BeforeAll
    static void watchTheAddress() {
        BrokerResource.broker().subscribe(WATCH);
    }

    @Test
    void aCommittedDecisionLeavesSignedThroughTheBroker() throws Exception {
        String eventId = given().auth().oauth2(REVIEWER).contentType("application/json")
                .body("{\"name\":\"alice\",\"category\":\"VIOLENCE_INCITEMENT\"}")
                .when().post("/probe/decisions")
                .then().statusCode(201).extract().path("eventId");

        await().atMost(Duration.ofSeconds(10)).until(() -> hasLeft(eventId));
        var tree = receiveEvent(eventId);
        assertEquals("org.takedown.decision.issued.v1", tree.get("type").asText());
        TrustList awsOnly = TrustList.parse(List.of("aws:" + DevKeys.signingPublicKey("aws")));
        assertDoesNotThrow(() -> awsOnly.verify(tree));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        // once everything committed before has left, a fresh subscription sees only what this test publishes
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(OutboxEvent::countUnsent) == 0);
        String queue = "outbox-relay-test-rollback";
        BrokerResource.broker().subscribe(queue);

        given().auth().oauth2(REVIEWER).contentType("application/json")
                .body("{\"name\":\"bob\",\"category\":\"SPAM\"}")
                .when().post("/probe/failing")
                .then().statusCode(409).body("detail", equalTo("refused after publishing"));

        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(OutboxEvent::countUnsent));
        // the relay polls every 200 ms here: a row committed by mistake would have reached the broker by now
        assertNull(BrokerResource.broker().receive(queue, Duration.ofSeconds(3)), "nothing reached the broker");
    }

    @Test
    void eventsWrittenDuringABrokerOutageLeaveWhenItReturns() {
        BrokerResource.broker().stopAcceptor();
        String eventId;
        try {
            eventId = given().auth().oauth2(REVIEWER).contentType("application/json")
                    .body("{\"name\":\"carol\",\"category\":\"SPAM\"}")
                    .when().post("/probe/decisions")
                    .then().statusCode(201).extract().path("eventId");
            assertFalse(hasLeft(eventId), "nothing leaves the outbox while the broker is away");
        } finally {
            BrokerResource.broker().startAcceptor();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> hasLeft(eventId));
    }

    @Test
    void pipelinedBatchesSendEveryEventExactlyOnce() throws Exception {
        String queue = "outbox-relay-test-order";
        BrokerResource.broker().subscribe(queue);
        int events = 1_250; // three batches of at most 500, two of them in flight at once
        List<String> published = QuarkusTransaction.requiringNew().call(() -> java.util.stream.IntStream
                .range(0, events).mapToObj(i -> probe.decide("bulk-" + i)).toList());

        List<String> arrived = new java.util.ArrayList<>();
        for (String body : BrokerResource.broker().receiveAll(queue, events, Duration.ofSeconds(60))) {
            String id = codec.parse(body).get("id").asText();
            if (published.contains(id)) {
                arrived.add(id);
            }
        }

        // the same events are also on the watch queue: take them off so that the other tests find theirs
        BrokerResource.broker().receiveAll(WATCH, Integer.MAX_VALUE, Duration.ofSeconds(3));
        assertEquals(events, arrived.size(), "as many arrived as were published");
        assertEquals(new java.util.HashSet<>(published), new java.util.HashSet<>(arrived), "each of them once");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew().call(OutboxEvent::countUnsent) == 0);
    }

    /** Reads the watch queue until the event with the given id turns up. */
    com.fasterxml.jackson.databind.node.ObjectNode receiveEvent(String eventId) throws Exception {
        for (int i = 0; i < 50; i++) {
            String body = BrokerResource.broker().receive(WATCH, Duration.ofSeconds(10));
            assertNotNull(body, "the event reached the broker");
            var tree = codec.parse(body);
            if (tree.get("id").asText().equals(eventId)) {
                return tree;
            }
        }
        throw new AssertionError("event " + eventId + " never reached the broker");
    }

    /** Whether the event is no longer in the outbox: the relay deletes a row once the broker has accepted it. */
    static boolean hasLeft(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventId", eventId) == 0);
    }
}
