package org.takedown.notification.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.scheduler.Scheduled;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.takedown.common.time.ClockAdvanced;
import org.takedown.notification.config.NotificationConfig;

/**
 * Delivers pending notifications. It wakes after a commit that stored some, when the clock is moved (so retries
 * fall due without anyone sleeping), and otherwise polls; the poll is also what resumes deliveries left pending when
 * the service stopped.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    @Inject
    DeliveryService deliveries;

    @Inject
    NotificationConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-dispatch"));
    private final AtomicBoolean wakeRequested = new AtomicBoolean();

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsQueued queued) {
        wake();
    }

    void onClockAdvanced(@Observes ClockAdvanced advanced) {
        wake();
    }

    @Scheduled(every = "${takedown.notification.dispatch.interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Asks for one pass; wake-ups that arrive while one is queued are coalesced into it. */
    public void wake() {
        if (wakeRequested.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                LOG.debug("The dispatcher is shutting down; pending deliveries wait in the database");
            }
        }
    }

    private void drain() {
        wakeRequested.set(false);
        try {
            int delivered = 0;
            while (delivered < config.dispatch().batchSize() && deliveries.deliverNext()) {
                delivered++; // one delivery per transaction, until nothing is due or the pass is full
            }
            if (delivered == config.dispatch().batchSize()) {
                wake(); // more may be due: let other wake-ups in between, then carry on
            }
        } catch (RuntimeException e) {
            LOG.warnf("A dispatch pass failed, the next pass retries: %s", e.getMessage());
        }
    }
}
