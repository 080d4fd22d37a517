package org.takedown.common.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.EventType;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.inbox.EventHandler;

/**
 * Records each applied peer decision in the audit log, which the tests count, with the lane (thread) and the
 * transaction that applied it. Tests can make it fail, or hold its lane.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static volatile boolean failing;

    /** Event id → how many more times applying it fails. */
    public static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();

    /** Applying the event of a hold waits until it is released, so that the events behind it queue in its lane. */
    public record Hold(String eventId, CountDownLatch entered, CountDownLatch release) {
        public Hold(String eventId) {
            this(eventId, new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    public static volatile Hold hold;

    /** Every decision applied, in the order applied, rolled back or not. */
    public static final List<Applied> APPLIED = Collections.synchronizedList(new ArrayList<>());

    public record Applied(String eventId, String subject, String thread, Object transaction) {
    }

    @Inject
    AuditTrail audit;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.DECISION_ISSUED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (failing || usesUpAFailure(event.id())) {
            throw new IllegalStateException("simulated outage of a dependency");
        }
        Hold current = hold;
        if (current != null && current.eventId().equals(event.id())) {
            current.entered().countDown();
            try {
                current.release().await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        audit.record(AuditTrail.SYSTEM, "probe.received", "event", event.id(), event.source());
        APPLIED.add(new Applied(event.id(), event.envelope().subject(), Thread.currentThread().getName(),
                transactions.getTransactionKey()));
    }

    private static boolean usesUpAFailure(String eventId) {
        Integer left = FAILURES.get(eventId);
        if (left == null) {
            return false;
        }
        if (left > 1) {
            FAILURES.put(eventId, left - 1);
        } else {
            FAILURES.remove(eventId);
        }
        return true;
    }
}
