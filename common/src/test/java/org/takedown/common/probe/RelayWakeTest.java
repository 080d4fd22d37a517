package org.takedown.common.probe;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/** With the poller out of the way, only the wake-up after each commit can send what a transaction wrote. */
@QuarkusTest
@TestProfile(RelayWakeTest.NoPolling.class)
class RelayWakeTest {

    public static class NoPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("takedown.outbox.poll-interval", "1h");
        }
    }

    @Inject
    ProbeResource.ProbeService probe;

    @Test
    void everyCommitThatWroteEventsWakesTheRelay() {
        List<String> first = QuarkusTransaction.requiringNew()
                .call(() -> IntStream.range(0, 3).mapToObj(i -> probe.decide("wake-" + i)).toList());
        awaitSent(first);

        // the next transaction wakes it again: the once-per-transaction mark does not outlive its transaction
        List<String> second = QuarkusTransaction.requiringNew().call(() -> List.of(probe.decide("wake-again")));
        awaitSent(second);
    }

    static void awaitSent(List<String> eventIds) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventIds.stream().allMatch(OutboxRelayTest::hasLeft));
    }
}
