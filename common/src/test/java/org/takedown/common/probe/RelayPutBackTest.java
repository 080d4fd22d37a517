package org.takedown.common.probe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.outbox.OutboxEvent;
import org.takedown.testkit.BrokerResource;

/**
 * The relay takes a batch out of the outbox in a transaction that commits only once the broker has answered: an
 * event the broker does not answer for in time is put back, with the attempt and its reason, and leaves later.
 */
@QuarkusTest
@TestProfile(RelayPutBackTest.ShortSendTimeout.class)
class RelayPutBackTest {

    public static class ShortSendTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("takedown.outbox.send-timeout", "1s");
        }
    }

    @Inject
    ProbeResource.ProbeService probe;

    @Test
    void anEventTheBrokerDidNotTakeIsPutBackWithItsAttemptAndLeavesLater() {
        BrokerResource.broker().stopAcceptor();
        String eventId;
        try {
            eventId = QuarkusTransaction.requiringNew().call(() -> probe.decide("put-back"));
            await().atMost(Duration.ofSeconds(20)).until(() -> row(eventId).filter(r -> r.attempts >= 1).isPresent());
            OutboxEvent row = row(eventId).orElseThrow();
            assertEquals("the broker did not answer in time", row.lastError);
        } finally {
            BrokerResource.broker().startAcceptor();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> OutboxRelayTest.hasLeft(eventId));
    }

    private static Optional<OutboxEvent> row(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResultOptional());
    }
}
