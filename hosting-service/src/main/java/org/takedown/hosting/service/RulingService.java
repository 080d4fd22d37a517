package org.takedown.hosting.service;

import java.util.List;

import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.repository.DecisionStatus;
import org.takedown.hosting.repository.Ruling;
import org.takedown.hosting.repository.RulingKind;
import org.takedown.hosting.rest.Requests.NewRuling;

/** External rulings: one ordering reinstatement is complied with at once, citing it; one refusing it is recorded. */
@ApplicationScoped
public class RulingService {

    @Inject
    DecisionService decisions;

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    @Transactional
    public Ruling record(String decisionId, NewRuling request, String actor) {
        Decision decision = decisions.get(decisionId);
        Ruling ruling = new Ruling();
        ruling.decisionRowId = decision.id;
        ruling.kind = request.kind();
        ruling.body = request.body();
        ruling.reference = request.reference();
        ruling.ordersReinstatement = request.ordersReinstatement();
        ruling.summary = request.summary();
        ruling.recordedBy = actor;
        ruling.recordedAt = clock.now();
        String citation = (request.kind() == RulingKind.COURT_ORDER ? "Court order " : "Out-of-court ruling ")
                + request.reference() + " (" + request.body() + ")";
        if (!request.ordersReinstatement()) {
            ruling.outcome = Ruling.Outcome.RECORDED;
        } else if (decision.status == DecisionStatus.IN_FORCE) {
            ruling.outcome = Ruling.Outcome.DECISION_REVERSED;
            decisions.reverse(decision, request.kind() == RulingKind.COURT_ORDER ? ReversalReason.COURT_ORDER
                    : ReversalReason.OUT_OF_COURT_RULING, request.summary(), citation, actor);
        } else {
            ruling.outcome = Ruling.Outcome.ALREADY_REVERSED;
        }
        ruling.persist();
        audit.record(actor, "ruling.recorded", "decision", decisionId, citation + ": "
                + (request.ordersReinstatement() ? "orders reinstatement" : "refuses reinstatement") + "; outcome="
                + ruling.outcome + "; " + request.summary());
        return ruling;
    }

    public List<Ruling> ofDecision(Decision decision) {
        return Ruling.list("decisionRowId", Sort.by("id"), decision.id);
    }
}
