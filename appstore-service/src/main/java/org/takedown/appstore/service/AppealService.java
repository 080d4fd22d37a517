package org.takedown.appstore.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.Appeal;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.repository.ReviewCase.Priority;
import org.takedown.appstore.repository.ReviewCase.Trigger;
import org.takedown.appstore.repository.StoreDecision;
import org.takedown.appstore.rest.Requests.AppealDecision;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;

/** A developer appeals a restriction within the window; a reviewer who did not decide it upholds or reverses it. */
@ApplicationScoped
public class AppealService {

    @Inject
    ReviewCases cases;

    @Inject
    Reinstatement reinstatement;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public Appeal file(String decisionId, String grounds, String actor) {
        StoreDecision decision = StoreDecision.byDecisionId(decisionId)
                .orElseThrow(() -> ProblemException.notFound("Decision", decisionId));
        if (!decision.action.isRestrictive()) {
            throw ProblemException.conflict("Decision " + decision.decisionId + " (" + decision.action
                    + ") restricts nothing; only removals and restrictions can be appealed");
        }
        if (decision.status != StoreDecision.Status.IN_FORCE) {
            throw ProblemException.conflict("Decision " + decision.decisionId + " is " + decision.status);
        }
        if (clock.now().isAfter(decision.appealDeadline)) {
            throw ProblemException.conflict("The appeal window for decision " + decision.decisionId + " closed at "
                    + decision.appealDeadline);
        }
        if (Appeal.count("decision", decision) > 0) {
            throw ProblemException.conflict("Decision " + decision.decisionId + " was already appealed");
        }
        Appeal appeal = new Appeal();
        appeal.decision = decision;
        appeal.grounds = grounds;
        appeal.filedBy = actor;
        appeal.filedAt = clock.now();
        appeal.state = Appeal.State.PENDING;
        ReviewCase review = cases.draft(decision.listing, Trigger.APPEAL, Priority.NORMAL);
        review.subjectDecisionId = decision.decisionId;
        appeal.reviewCase = cases.open(review, actor, "appeal against decision " + decision.decisionId);
        appeal.persistAndFlush();
        audit.record(actor, "appeal.filed", "appeal", appeal.id, "against decision " + decision.decisionId + ": "
                + grounds);
        return appeal;
    }

    @Transactional
    public Appeal decide(long appealId, Long expectedVersion, AppealDecision request, String actor) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(appealId)
                .orElseThrow(() -> ProblemException.notFound("Appeal", appealId));
        if (expectedVersion != null && expectedVersion != appeal.version) {
            throw ProblemException.conflict("Appeal " + appealId + " is at version " + appeal.version + ", not "
                    + expectedVersion + "; reload and retry");
        }
        if (appeal.state != Appeal.State.PENDING) {
            throw ProblemException.conflict("Appeal " + appealId + " was already decided: " + appeal.state);
        }
        StoreDecision decision = appeal.decision;
        if (actor.equals(decision.decidedBy)) {
            throw ProblemException.forbidden("An appeal must be decided by a reviewer other than " + actor
                    + ", who made decision " + decision.decisionId);
        }
        appeal.state = request.outcome() == org.takedown.appstore.rest.Requests.AppealOutcome.REVERSED
                ? Appeal.State.REVERSED : Appeal.State.UPHELD;
        appeal.outcomeReasons = request.reasons();
        appeal.decidedBy = actor;
        appeal.decidedAt = clock.now();
        if (appeal.state == Appeal.State.REVERSED) {
            if (decision.status == StoreDecision.Status.IN_FORCE) {
                reinstatement.reverse(decision, ReversalReason.APPEAL, request.reasons(), "appeal " + appeal.id, actor);
            }
        }
        ReviewCase review = appeal.reviewCase;
        if (review != null && !review.isConcluded()) {
            review.state = ReviewCase.State.CONCLUDED;
            review.concludedAt = appeal.decidedAt;
            review.concludedBy = actor;
            review.outcomeDecisionId = decision.decisionId;
            audit.record(actor, "review.concluded", "review_case", review.id, "appeal " + appeal.state);
        }
        audit.record(actor, "appeal.decided", "appeal", appeal.id, appeal.state + ": " + request.reasons());
        return appeal;
    }
}
