package org.takedown.appstore.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.appstore.service.PeerSignalService;
import org.takedown.common.event.EventType;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.inbox.EventHandler;

/** Peers' decisions and reversals, already verified and de-duplicated by the inbox, become review work here. */
@ApplicationScoped
public class PeerDecisionHandler implements EventHandler {

    @Inject
    PeerSignalService signals;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.DECISION_ISSUED, EventType.DECISION_REVERSED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.type() == EventType.DECISION_ISSUED) {
            signals.onDecisionIssued(event);
        } else {
            signals.onDecisionReversed(event);
        }
    }
}
