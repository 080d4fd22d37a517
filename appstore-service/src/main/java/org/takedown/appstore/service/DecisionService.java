package org.takedown.appstore.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.config.StoreConfig;
import org.takedown.appstore.repository.JsonText;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.repository.StoreDecision;
import org.takedown.appstore.rest.Requests.DecisionAction;
import org.takedown.appstore.rest.Requests.DecisionRequest;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Opinion;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.event.ReviewConcluded;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.outbox.EventPublisher;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;

/**
 * A reviewer decides a case. The store acts on its own policies and its own look at the evidence: a peer's verdict is
 * context, cited in {@code basedOn} when relied on, and never enough on its own unless configuration allows it and the
 * reviewer says so.
 */
@ApplicationScoped
public class DecisionService {

    @Inject
    StoreConfig config;

    @Inject
    Policies policies;

    @Inject
    ReviewService reviews;

    @Inject
    Reinstatement reinstatement;

    @Inject
    TakedownClock clock;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditTrail audit;

    @Transactional
    public StoreDecision decide(long caseId, Long expectedVersion, DecisionRequest request, String actor) {
        ReviewCase review = ReviewService.load(caseId, expectedVersion);
        checkDecidable(review);
        DecisionAction action = request.action();
        List<PolicyClause> clauses = policies.resolve("policyIds", request.policyIds());
        boolean restrictive = action == DecisionAction.REMOVE_LISTING || action == DecisionAction.RESTRICT_LISTING;
        boolean concludes = action != DecisionAction.REQUIRE_REMEDIATION;
        if (action != DecisionAction.KEEP && clauses.isEmpty()) {
            throw ProblemException.invalid("policyIds", "a " + action + " decision must cite at least one of the "
                    + "store's own policies " + config.policies().keySet());
        }
        if ((restrictive || action == DecisionAction.REQUIRE_REMEDIATION) && request.category() == null) {
            throw ProblemException.invalid("category", "a " + action + " decision must state a category");
        }
        checkListingTransition(review, action);
        boolean peerOnly = checkIndependence(review, request, restrictive);
        checkOpinion(review, request, concludes);

        Instant now = clock.now();
        StoreDecision decision = new StoreDecision();
        decision.decisionId = UUID.randomUUID().toString();
        decision.reviewCase = review;
        decision.listing = review.listing;
        decision.action = Action.valueOf(action.name());
        decision.category = categoryOf(request, review.listing);
        decision.policyIds = clauses.stream().map(PolicyClause::id).toList();
        decision.facts = request.facts();
        decision.peerOpinion = request.peerOpinion() == null ? null : request.peerOpinion().name();
        decision.opinionRationale = request.opinionRationale();
        decision.reliedOnPeerOnly = peerOnly;
        decision.status = StoreDecision.Status.IN_FORCE;
        decision.decidedBy = actor;
        decision.decidedAt = now;
        decision.examinedEvidence = new ArrayList<>(request.evidence().stream()
                .map(e -> new StoreDecision.Evidence(e.uri(), e.sha256(), e.excerpt(), e.observedAt())).toList());
        if (review.isPeerTriggered() && request.peerOpinion() != Opinion.DISAGREE) {
            decision.basedOn.add(review.peerDecisionId);
        }
        if (action == DecisionAction.REQUIRE_REMEDIATION) {
            Duration window = request.deadlineHours() != null ? Duration.ofHours(request.deadlineHours())
                    : policies.remediationWindow(clauses);
            reviews.startRemediation(review, clauses, request.facts(), window);
            decision.remediationDeadline = review.remediationDeadline;
        }
        if (restrictive || action == DecisionAction.REQUIRE_REMEDIATION) {
            decision.appealDeadline = now.plus(config.appealWindow());
        }
        StatementOfReasons statement = statement(review, decision, clauses, now);
        decision.statement = JsonText.write(statement);
        decision.published = restrictive || (action == DecisionAction.REINSTATE && reinstatesPublished(review));
        decision.persistAndFlush();

        applyToListing(review, decision, actor);
        if (decision.published) {
            publisher.publish(new DecisionIssued(decision.decisionId, StoreEvents.party(review.listing),
                    decision.action, StoreEvents.scope(review.listing), statement, StoreEvents.evidence(decision),
                    List.copyOf(decision.basedOn), actor, now));
        }
        if (concludes) {
            conclude(review, decision, request, actor, now);
        }
        if (review.assignee == null) {
            review.assignee = actor;
        }
        audit.record(actor, "decision.issued", "decision", decision.decisionId, action + " of listing "
                + review.listing.id + " on " + decision.policyIds + " in review case " + review.id
                + (peerOnly ? "; RELIED ON THE PEER'S VERDICT ALONE (allowed by configuration)" : "")
                + (decision.basedOn.isEmpty() ? "" : "; basedOn " + decision.basedOn));
        return decision;
    }

    private static void checkDecidable(ReviewCase review) {
        if (review.isConcluded()) {
            throw ProblemException.conflict("Review case " + review.id + " is already concluded");
        }
        if (review.trigger == ReviewCase.Trigger.APPEAL) {
            throw ProblemException.conflict("Review case " + review.id + " is an appeal; decide it at "
                    + "POST /appeals/{id}/decision");
        }
    }

    private static void checkListingTransition(ReviewCase review, DecisionAction action) {
        Listing.Status status = review.listing.status;
        boolean allowed = switch (action) {
            case REMOVE_LISTING -> status != Listing.Status.REMOVED;
            case RESTRICT_LISTING -> status.isAvailable() || status == Listing.Status.UNDER_REVIEW;
            case REINSTATE -> !status.isAvailable();
            case REQUIRE_REMEDIATION -> review.state == ReviewCase.State.OPEN;
            case KEEP -> true;
        };
        if (!allowed) {
            throw ProblemException.conflict(action == DecisionAction.REQUIRE_REMEDIATION
                    ? "Review case " + review.id + " already awaits a remediation"
                    : "Listing " + review.listing.id + " is " + status + "; " + action + " does not apply");
        }
    }

    /**
     * The independence rule: a restriction rests on evidence the reviewer examined. Relying on the peer alone needs
     * the store's configuration to allow it and the reviewer to say so, and is recorded on the decision.
     */
    private boolean checkIndependence(ReviewCase review, DecisionRequest request, boolean restrictive) {
        boolean hasOwnEvidence = !request.evidence().isEmpty();
        if (request.peerOnly() && hasOwnEvidence) {
            throw ProblemException.invalid("relyOnPeerOnly",
                    "must be false when the reviewer lists evidence they examined themselves");
        }
        if (!restrictive) {
            if (request.peerOnly()) {
                throw ProblemException.invalid("relyOnPeerOnly", "only applies to a removal or restriction");
            }
            return false;
        }
        if (hasOwnEvidence) {
            return false;
        }
        if (!request.peerOnly()) {
            throw ProblemException.invalid("examinedEvidence", "a " + request.action() + " must list the evidence the "
                    + "reviewer examined themselves; a peer's verdict alone is not a ground for this store");
        }
        if (!review.isPeerTriggered()) {
            throw ProblemException.invalid("relyOnPeerOnly", "this case has no peer decision to rely on");
        }
        if (!config.allowPeerOnlyRemoval()) {
            throw ProblemException.invalid("relyOnPeerOnly", "this store does not act on a peer's verdict alone "
                    + "(takedown.store.allow-peer-only-removal=false); examine the evidence and list it in examinedEvidence");
        }
        return true;
    }

    private static void checkOpinion(ReviewCase review, DecisionRequest request, boolean concludes) {
        if (!review.isPeerTriggered()) {
            if (request.peerOpinion() != null) {
                throw ProblemException.invalid("peerOpinion", "only a case opened by a peer's decision takes an opinion");
            }
            return;
        }
        if (concludes && request.peerOpinion() == null) {
            throw ProblemException.invalid("peerOpinion", "concluding a peer-triggered case requires the store's "
                    + "opinion of " + review.peerProvider + "'s decision: AGREE, DISAGREE or INSUFFICIENT_EVIDENCE");
        }
        if (request.peerOpinion() != null
                && (request.opinionRationale() == null || request.opinionRationale().isBlank())) {
            throw ProblemException.invalid("opinionRationale", "must explain the opinion of the peer's decision");
        }
    }

    private static Category categoryOf(DecisionRequest request, Listing listing) {
        if (request.category() != null) {
            return request.category();
        }
        return StoreDecision.restrictionInForce(listing).map(d -> d.category).orElse(Category.OTHER);
    }

    private StatementOfReasons statement(ReviewCase review, StoreDecision decision, List<PolicyClause> clauses,
            Instant now) {
        String facts = decision.facts;
        if (decision.reliedOnPeerOnly) {
            facts += " [" + config.displayName() + " relied on " + review.peerProvider + "'s decision "
                    + review.peerDecisionId + " alone, without examining evidence itself, as its configuration allows.]";
        }
        return new StatementOfReasons(Ground.TERMS_OF_SERVICE, config.guidelines(), clauses, decision.category, facts,
                detectionSource(review), false, false, now, decision.remediationDeadline);
    }

    private static DetectionSource detectionSource(ReviewCase review) {
        return switch (review.trigger) {
            case PEER_SIGNAL, REVERSAL -> DetectionSource.PEER_PROVIDER;
            case REPORT -> DetectionSource.USER_NOTICE;
            case APPEAL, RESUBMISSION -> DetectionSource.OWN_INITIATIVE;
        };
    }

    /** A reinstatement is announced only if peers heard of the restriction it lifts. */
    private static boolean reinstatesPublished(ReviewCase review) {
        return StoreDecision.restrictionInForce(review.listing).map(d -> d.published).orElse(false);
    }

    private void applyToListing(ReviewCase review, StoreDecision decision, String actor) {
        Listing listing = review.listing;
        switch (decision.action) {
            case REMOVE_LISTING -> setStatus(listing, Listing.Status.REMOVED, decision);
            case RESTRICT_LISTING -> setStatus(listing, Listing.Status.RESTRICTED, decision);
            case REINSTATE -> reinstate(review, decision, actor);
            default -> {
                // KEEP and REQUIRE_REMEDIATION leave the listing as it is
            }
        }
    }

    private void reinstate(ReviewCase review, StoreDecision decision, String actor) {
        StoreDecision lifted = StoreDecision.restrictionInForce(review.listing).orElse(null);
        if (lifted != null && review.trigger == ReviewCase.Trigger.REVERSAL
                && lifted.decisionId.equals(review.subjectDecisionId)) {
            // the re-review found our decision wrong now that its peer basis fell: a reversal peers can follow
            reinstatement.reverse(lifted, ReversalReason.ERROR, decision.facts, "decision " + decision.decisionId,
                    actor);
            decision.published = false;
            return;
        }
        if (lifted != null) {
            lifted.status = StoreDecision.Status.SUPERSEDED;
        }
        setStatus(review.listing, Listing.Status.REINSTATED, decision);
    }

    private static void setStatus(Listing listing, Listing.Status status, StoreDecision decision) {
        listing.status = status;
        listing.statusChangedAt = decision.decidedAt;
    }

    private void conclude(ReviewCase review, StoreDecision decision, DecisionRequest request, String actor,
            Instant now) {
        review.state = ReviewCase.State.CONCLUDED;
        review.concludedAt = now;
        review.concludedBy = actor;
        review.outcomeDecisionId = decision.decisionId;
        review.peerOpinion = decision.peerOpinion;
        if (review.isPeerTriggered()) {
            publisher.publish(new ReviewConcluded(review.reviewId, StoreEvents.party(review.listing),
                    review.peerProvider, review.peerDecisionId, request.peerOpinion(), request.opinionRationale(),
                    decision.published ? decision.decisionId : null, actor, now));
        }
        audit.record(actor, "review.concluded", "review_case", review.id, decision.action + " (decision "
                + decision.decisionId + ")" + (review.peerOpinion == null ? "" : "; opinion of "
                        + review.peerProvider + "'s decision: " + review.peerOpinion));
    }
}
