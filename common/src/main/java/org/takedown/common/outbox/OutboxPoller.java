package org.takedown.common.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The relay's fallback: wakes it on a schedule, and once at start-up for rows an earlier run left unsent. It waits
 * for the start-up event because the relay's emitter only exists once messaging has wired its channels.
 */
@ApplicationScoped
public class OutboxPoller {

    @Inject
    OutboxRelay relay;

    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        started = true;
        relay.wake();
    }

    @Scheduled(every = "${takedown.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (started) {
            relay.wake();
        }
    }
}
