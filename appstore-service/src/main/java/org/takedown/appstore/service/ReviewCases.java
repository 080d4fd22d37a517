package org.takedown.appstore.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.config.StoreConfig;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.repository.ReviewCase.Priority;
import org.takedown.appstore.repository.ReviewCase.Trigger;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.time.TakedownClock;

/** Opens review cases with the SLA their trigger calls for; every path that creates a case goes through here. */
@ApplicationScoped
public class ReviewCases {

    @Inject
    StoreConfig config;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    /** A case ready to be filled in by the caller, then persisted by {@link #open}. */
    public ReviewCase draft(Listing listing, Trigger trigger, Priority priority) {
        ReviewCase review = new ReviewCase();
        review.reviewId = UUID.randomUUID().toString();
        review.listing = listing;
        review.trigger = trigger;
        review.priority = priority;
        review.state = ReviewCase.State.OPEN;
        review.openedAt = clock.now();
        review.slaDeadline = review.openedAt.plus(sla(trigger));
        return review;
    }

    /** The insert waits for the transaction's next flush, so that many cases opened together are batched. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReviewCase open(ReviewCase review, String actor, String why) {
        review.persist();
        audit.record(actor, "review.opened", "review_case", review.id,
                review.trigger + " on listing " + review.listing.id + " (" + review.listing.bundleId + "): " + why
                        + "; decide by " + review.slaDeadline);
        return review;
    }

    /** Any case about this listing that a reviewer could still act on, oldest first. */
    public List<ReviewCase> undecided(Listing listing, Trigger trigger) {
        return ReviewCase.list("listing = ?1 and trigger = ?2 and state <> ?3 order by openedAt, id", listing, trigger,
                ReviewCase.State.CONCLUDED);
    }

    Duration sla(Trigger trigger) {
        return switch (trigger) {
            case PEER_SIGNAL -> config.sla().peerSignal();
            case REPORT -> config.sla().report();
            case REVERSAL -> config.sla().reversal();
            case APPEAL -> config.sla().appeal();
            case RESUBMISSION -> config.sla().resubmission();
        };
    }
}
