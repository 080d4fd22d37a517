package org.takedown.common.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EventType;
import org.takedown.common.outbox.OutboxRelay;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.LocalBroker;
import org.takedown.testkit.Tokens;

/**
 * The subscription's selector, over the real Artemis, keeps away what this service would only drop: the relay's own
 * events, and peers' events of a type that takedown.inbox.consumes leaves out.
 */
@QuarkusTest
class SubscriptionSelectorTest {

    @Inject
    EventCodec codec;

    @Inject
    MeterRegistry registry;

    @Test
    void ourRelayedEventsNeverReachOurOwnConsumer() throws Exception {
        String watch = "own-event-selector-test-watch";
        BrokerResource.broker().subscribe(watch);
        double before = inboxEvents("own_event");

        String eventId = given().auth().oauth2(Tokens.staff("reviewer-1", "reviewer")).contentType("application/json")
                .body("{\"name\":\"dave\",\"category\":\"SPAM\"}")
                .when().post("/probe/decisions")
                .then().statusCode(201).extract().path("eventId");
        await().atMost(Duration.ofSeconds(15)).until(() -> OutboxRelayTest.hasLeft(eventId));
        // a peer's subscription still gets it
        assertEquals(eventId, codec.parse(BrokerResource.broker().receiveAll(watch, 1, Duration.ofSeconds(10))
                .get(0)).get("id").asText());

        // sent after it without the property, as a forger would: same subject, so the same lane applies both in order
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, PeerEvents.forgedDecision(codec, "aws"));
        await().atMost(Duration.ofSeconds(15)).until(() -> inboxEvents("own_event") > before);

        assertEquals(1.0, inboxEvents("own_event") - before, "only the event without the property reached our consumer");
    }

    @Test
    void peersEventsOfATypeWeDoNotConsumeStayOnTheBroker() throws Exception {
        double before = inboxEvents("not_consumed");
        Map<String, Object> routedAsAPeersReview = Map.of(OutboxRelay.SOURCE_PROPERTY, "apple",
                OutboxRelay.TYPE_PROPERTY, EventType.REVIEW_OPENED.ceType());
        Map<String, Object> routedAsAPeersDecision = Map.of(OutboxRelay.SOURCE_PROPERTY, "apple",
                OutboxRelay.TYPE_PROPERTY, EventType.DECISION_ISSUED.ceType());

        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, PeerEvents.forgedReview(codec, "apple"),
                routedAsAPeersReview);
        // without the properties, as an older relay would send it: it arrives and is dropped here
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, PeerEvents.forgedReview(codec, "apple"));
        String decision = PeerEvents.decisionSignedBy(codec, "apple");
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, decision, routedAsAPeersDecision);

        // one subject, so one lane, in order: once the decision is applied both reviews before it have been dealt with
        String decisionId = codec.parse(decision).get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> InboxTest.applied(decisionId) == 1);
        assertEquals(1.0, inboxEvents("not_consumed") - before, "only the review without the properties arrived");
    }

    private double inboxEvents(String outcome) {
        var counter = registry.find("takedown.inbox.events").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
