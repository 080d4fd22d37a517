package org.takedown.hosting.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.event.EventType;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.inbox.EventHandler;
import org.takedown.hosting.service.PeerReviewService;

/** A peer's review.concluded about one of our decisions is kept with that decision. */
@ApplicationScoped
public class PeerOpinionHandler implements EventHandler {

    @Inject
    PeerReviewService reviews;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.REVIEW_CONCLUDED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        reviews.recordOpinion(event);
    }
}
