package org.takedown.appstore.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.StoreDecision;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.DecisionReversed;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.outbox.EventPublisher;
import org.takedown.common.time.TakedownClock;

/**
 * Undoes one of our decisions: an appeal, a ruling or a re-review found it should not stand. The listing comes back
 * and, if peers were told of the decision, they are told of its reversal with the citation.
 */
@ApplicationScoped
public class Reinstatement {

    @Inject
    TakedownClock clock;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void reverse(StoreDecision decision, ReversalReason reason, String explanation, String citation,
            String actor) {
        decision.status = StoreDecision.Status.REVERSED;
        decision.reversedAt = clock.now();
        decision.reversalReason = reason;
        Listing listing = decision.listing;
        boolean restrictionLifted = StoreDecision.restrictionInForce(listing).isEmpty()
                && (listing.status == Listing.Status.REMOVED || listing.status == Listing.Status.RESTRICTED
                        || listing.status == Listing.Status.UNDER_REVIEW);
        if (restrictionLifted) {
            listing.status = Listing.Status.REINSTATED;
            listing.statusChangedAt = decision.reversedAt;
        }
        if (decision.published) {
            publisher.publish(new DecisionReversed(UUID.randomUUID().toString(), decision.decisionId,
                    StoreEvents.party(listing), reason, explanation, citation, actor, decision.reversedAt));
        }
        audit.record(actor, "decision.reversed", "decision", decision.decisionId,
                reason + (citation == null ? "" : " (" + citation + ")") + ": " + explanation
                        + (restrictionLifted ? "; listing " + listing.id + " REINSTATED" : ""));
    }
}
