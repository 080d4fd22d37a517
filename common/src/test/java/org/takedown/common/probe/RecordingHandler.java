package org.takedown.common.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.EventType;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.inbox.EventHandler;

/** Records each applied peer decision in the audit log, which the tests count, and the thread that applied it. */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static volatile boolean failing;

    /** Every decision applied, in the order applied, with the inbox lane (thread) that applied it. */
    public static final List<Applied> APPLIED = Collections.synchronizedList(new ArrayList<>());

    public record Applied(String eventId, String subject, String thread) {
    }

    @Inject
    AuditTrail audit;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.DECISION_ISSUED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (failing) {
            throw new IllegalStateException("simulated outage of a dependency");
        }
        audit.record(AuditTrail.SYSTEM, "probe.received", "event", event.id(), event.source());
        APPLIED.add(new Applied(event.id(), event.envelope().subject(), Thread.currentThread().getName()));
    }
}
