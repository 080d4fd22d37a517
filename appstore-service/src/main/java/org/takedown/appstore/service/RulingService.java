package org.takedown.appstore.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.Ruling;
import org.takedown.appstore.repository.StoreDecision;
import org.takedown.appstore.rest.Requests.NewRuling;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;

/**
 * Court orders and out-of-court rulings. One that orders reinstatement is complied with at once, citing it; one that
 * refuses is recorded against the decision, which stands.
 */
@ApplicationScoped
public class RulingService {

    @Inject
    Reinstatement reinstatement;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public Ruling record(String decisionId, NewRuling request, String actor) {
        StoreDecision decision = StoreDecision.byDecisionId(decisionId)
                .orElseThrow(() -> ProblemException.notFound("Decision", decisionId));
        if (request.ordersReinstatement() && !decision.action.isRestrictive()) {
            throw ProblemException.conflict("Decision " + decisionId + " (" + decision.action
                    + ") restricts nothing; there is nothing to reinstate");
        }
        Ruling ruling = new Ruling();
        ruling.decision = decision;
        ruling.kind = request.kind();
        ruling.body = request.body();
        ruling.reference = request.reference();
        ruling.ordersReinstatement = request.ordersReinstatement();
        ruling.summary = request.summary();
        ruling.recordedBy = actor;
        ruling.recordedAt = clock.now();
        ruling.complied = request.ordersReinstatement() && decision.status == StoreDecision.Status.IN_FORCE;
        ruling.persist();
        if (ruling.complied) {
            ReversalReason reason = ruling.kind == Ruling.Kind.COURT_ORDER ? ReversalReason.COURT_ORDER
                    : ReversalReason.OUT_OF_COURT_RULING;
            reinstatement.reverse(decision, reason, ruling.summary, ruling.body + ", " + ruling.reference, actor);
        }
        audit.record(actor, "ruling.recorded", "decision", decisionId, ruling.kind + " " + ruling.reference + " by "
                + ruling.body + (ruling.ordersReinstatement ? " orders reinstatement" : " refuses reinstatement")
                + (ruling.complied ? "; complied" : "") + ": " + ruling.summary);
        return ruling;
    }
}
