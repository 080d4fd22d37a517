package org.takedown.appstore.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.rest.Requests.RemediationRequest;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;

/** A reviewer's steps on a case short of deciding it: assigning it and asking the developer for a remedy. */
@ApplicationScoped
public class ReviewService {

    @Inject
    Policies policies;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public ReviewCase requestRemediation(long caseId, Long expectedVersion, RemediationRequest request, String actor) {
        ReviewCase review = load(caseId, expectedVersion);
        if (review.state != ReviewCase.State.OPEN) {
            throw ProblemException.conflict("Review case " + caseId + " is " + review.state
                    + "; remediation can only be requested on an OPEN case");
        }
        List<PolicyClause> clauses = policies.resolve("policyIds", request.policyIds());
        Duration window = request.deadlineHours() != null ? Duration.ofHours(request.deadlineHours())
                : policies.remediationWindow(clauses);
        startRemediation(review, clauses, request.instructions(), window);
        if (review.assignee == null) {
            review.assignee = actor;
        }
        audit.record(actor, "review.remediation-requested", "review_case", review.id,
                clauses.stream().map(PolicyClause::id).toList() + " by " + review.remediationDeadline + ": "
                        + request.instructions());
        return review;
    }

    /** Moves an open case to REMEDIATION_REQUESTED; the deadline sweep escalates it if the developer stays silent. */
    void startRemediation(ReviewCase review, List<PolicyClause> clauses, String instructions, Duration window) {
        review.state = ReviewCase.State.REMEDIATION_REQUESTED;
        review.remediationPolicyIds = clauses.stream().map(PolicyClause::id).toList();
        review.remediationInstructions = instructions;
        review.remediationDeadline = clock.now().plus(window);
    }

    @Transactional
    public ReviewCase assign(long caseId, Long expectedVersion, String assignee, String actor) {
        ReviewCase review = load(caseId, expectedVersion);
        if (review.isConcluded()) {
            throw ProblemException.conflict("Review case " + caseId + " is already concluded");
        }
        String previous = review.assignee;
        review.assignee = assignee;
        audit.record(actor, "review.assigned", "review_case", review.id, previous + " -> " + assignee);
        return review;
    }

    /** The case, refusing a client that last saw an older version (If-Match) with 409. */
    static ReviewCase load(long caseId, Long expectedVersion) {
        ReviewCase review = ReviewCase.<ReviewCase>findByIdOptional(caseId)
                .orElseThrow(() -> ProblemException.notFound("Review case", caseId));
        if (expectedVersion != null && expectedVersion != review.version) {
            throw ProblemException.conflict("Review case " + caseId + " is at version " + review.version
                    + ", not " + expectedVersion + "; reload and retry");
        }
        return review;
    }
}
