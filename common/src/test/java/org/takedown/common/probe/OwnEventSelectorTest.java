package org.takedown.common.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.EventCodec;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.LocalBroker;
import org.takedown.testkit.Tokens;

/** The subscription's selector keeps the relay's own events on the broker, over the real Artemis. */
@QuarkusTest
class OwnEventSelectorTest {

    @Inject
    EventCodec codec;

    @Inject
    MeterRegistry registry;

    @Test
    void ourRelayedEventsNeverReachOurOwnConsumer() throws Exception {
        String watch = "own-event-selector-test-watch";
        BrokerResource.broker().subscribe(watch);
        double before = ownEvents();

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
        await().atMost(Duration.ofSeconds(15)).until(() -> ownEvents() > before);

        assertEquals(1.0, ownEvents() - before, "only the event without the property reached our consumer");
    }

    private double ownEvents() {
        var counter = registry.find("takedown.inbox.events").tag("outcome", "own_event").counter();
        return counter == null ? 0 : counter.count();
    }
}
