package org.takedown.hosting.service;

import java.time.Instant;
import java.util.List;

import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Action;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.config.HostingConfig;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.Appeal;
import org.takedown.hosting.repository.AppealState;
import org.takedown.hosting.repository.CaseState;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.repository.DecisionStatus;
import org.takedown.hosting.rest.Requests.AppealOutcome;

/** The customer's appeals (DSA art. 20): filed within the window, decided by someone other than the decider. */
@ApplicationScoped
public class AppealService {

    @Inject
    DecisionService decisions;

    @Inject
    CaseService cases;

    @Inject
    HostingConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    @Transactional
    public Appeal file(Decision decision, String grounds, String actor) {
        if (decision.action == Action.REINSTATE) {
            throw ProblemException.conflict("A reinstatement is not appealable");
        }
        if (decision.status != DecisionStatus.IN_FORCE) {
            throw ProblemException.conflict("Decision " + decision.decisionId + " is " + decision.status);
        }
        Instant now = clock.now();
        Instant closes = decision.decidedAt.plus(config.appealWindow());
        if (now.isAfter(closes)) {
            throw ProblemException.conflict("The appeal window of decision " + decision.decisionId + " closed at "
                    + closes);
        }
        if (Appeal.count("decisionRowId = ?1 and state = ?2", decision.id, AppealState.PENDING) > 0) {
            throw ProblemException.conflict("Decision " + decision.decisionId + " already has a pending appeal");
        }
        Appeal appeal = new Appeal();
        appeal.decisionRowId = decision.id;
        appeal.customerId = decision.customerId;
        appeal.grounds = grounds;
        appeal.filedBy = actor;
        appeal.filedAt = now;
        appeal.persist();
        if (decision.caseId != null) {
            AbuseCase abuseCase = cases.get(decision.caseId);
            if (abuseCase.state.mayMoveTo(CaseState.APPEALED)) {
                cases.transition(abuseCase, CaseState.APPEALED, actor, "appeal " + appeal.id + " filed");
            }
        }
        audit.record(actor, "appeal.filed", "appeal", appeal.id, "decision=" + decision.decisionId + "; " + grounds);
        return appeal;
    }

    @Transactional
    public Appeal decide(Long id, AppealOutcome outcome, String reasons, String actor) {
        Appeal appeal = get(id);
        if (appeal.state != AppealState.PENDING) {
            throw ProblemException.conflict("Appeal " + id + " was already decided: " + appeal.state);
        }
        Decision decision = Decision.findById(appeal.decisionRowId);
        if (decision.decidedBy.equals(actor)) {
            throw ProblemException.forbidden("The reviewer who took decision " + decision.decisionId
                    + " cannot decide its appeal");
        }
        appeal.decidedBy = actor;
        appeal.decidedAt = clock.now();
        appeal.reasons = reasons;
        if (outcome == AppealOutcome.REVERSED) {
            appeal.state = AppealState.REVERSED;
            decisions.reverse(decision, ReversalReason.APPEAL, reasons, "appeal " + id, actor);
        } else {
            appeal.state = AppealState.UPHELD;
            if (decision.caseId != null) {
                AbuseCase abuseCase = cases.get(decision.caseId);
                if (abuseCase.state == CaseState.APPEALED) {
                    cases.transition(abuseCase, CaseState.CLOSED, actor, "appeal " + id + " upheld the decision");
                }
            }
        }
        audit.record(actor, "appeal." + appeal.state.name().toLowerCase(), "appeal", id, reasons);
        return appeal;
    }

    public Appeal get(Long id) {
        return Appeal.<Appeal>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Appeal", id));
    }

    public List<Appeal> ofDecision(Decision decision) {
        return Appeal.list("decisionRowId", Sort.by("id"), decision.id);
    }
}
