package org.takedown.hosting.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.event.EventType;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.inbox.EventHandler;
import org.takedown.hosting.service.PeerReviewService;

/** A peer's decision.issued opens our own review of it when it concerns one of our customers. */
@ApplicationScoped
public class PeerDecisionHandler implements EventHandler {

    @Inject
    PeerReviewService reviews;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.DECISION_ISSUED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        reviews.openFor(event);
    }
}
