package org.takedown.hosting.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Action;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionReversed;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.event.ScopeKind;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.outbox.EventPublisher;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.config.HostingConfig;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.CaseState;
import org.takedown.hosting.repository.Customer;
import org.takedown.hosting.repository.CustomerStatus;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.repository.DecisionStatus;
import org.takedown.hosting.repository.Evidence;
import org.takedown.hosting.repository.HostedResource;
import org.takedown.hosting.repository.Notice;
import org.takedown.hosting.repository.NoticeState;
import org.takedown.hosting.repository.PeerReview;
import org.takedown.hosting.repository.ResourceStatus;
import org.takedown.hosting.rest.Requests.EvidenceInput;
import org.takedown.hosting.rest.Requests.NewDecision;

/**
 * Decisions against customers: checked against the rules (clauses exist, evidence is cited, a suspension follows an
 * expired notice unless it is an emergency), applied to the customer's standing, counted as a strike, and published
 * as decision.issued in the same transaction.
 */
@ApplicationScoped
public class DecisionService {

    /** The actions a hosting provider takes; the store-only ones belong to app stores. */
    static final Set<Action> HOSTING_ACTIONS = EnumSet.of(Action.WARN, Action.RESTRICT, Action.SUSPEND,
            Action.TERMINATE, Action.REINSTATE);

    @Inject
    CustomerService customers;

    @Inject
    CaseService cases;

    @Inject
    PolicyCatalog policies;

    @Inject
    HostingConfig config;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    @Transactional
    public Decision decide(Long customerId, NewDecision request, String actor) {
        Customer customer = customers.get(customerId);
        Action action = request.action();
        if (!HOSTING_ACTIONS.contains(action)) {
            throw ProblemException.invalid("action", "must be one of " + HOSTING_ACTIONS);
        }
        DecisionScope scope = scope(customer, request);
        var clauses = policies.resolve("clauseIds", request.clauseIds());
        Instant now = clock.now();
        if (request.effectiveUntil() != null && !request.effectiveUntil().isAfter(now)) {
            throw ProblemException.invalid("effectiveUntil", "lies in the past");
        }
        if (request.emergency() && (request.emergencyReason() == null || request.emergencyReason().isBlank())) {
            throw ProblemException.invalid("emergencyReason", "an emergency must give its reason");
        }
        if (customer.status == CustomerStatus.TERMINATED && action != Action.REINSTATE) {
            throw ProblemException.conflict("Customer " + customerId + " is terminated");
        }
        if (action == Action.REINSTATE && customer.status == CustomerStatus.ACTIVE
                && HostedResource.count("customerId = ?1 and status = ?2", customerId, ResourceStatus.RESTRICTED) == 0) {
            throw ProblemException.conflict("Customer " + customerId + " is active; there is nothing to reinstate");
        }
        AbuseCase abuseCase = request.caseId() == null ? null : caseOf(customer, request);
        List<Evidence> evidence = evidence(customer, abuseCase, request);
        List<String> basedOn = request.basedOn() == null ? List.of() : List.copyOf(request.basedOn());
        requireOwnEvidenceForPeerDecisions(customer, basedOn, evidence);
        if (action.isRestrictive() && evidence.isEmpty()) {
            throw ProblemException.invalid("evidence", "a restrictive decision must cite evidence (evidence, "
                    + "reportIds, or a case with reports)");
        }
        if ((action == Action.SUSPEND || action == Action.TERMINATE) && scope.kind() == ScopeKind.ACCOUNT
                && config.suspensionRequiresExpiredNotice() && !request.emergency()
                && Notice.count("customerId = ?1 and cureDeadline <= ?2 and state <> ?3", customerId, now,
                        NoticeState.CURED) == 0) {
            throw ProblemException.invalid("emergency", "a " + action + " needs a prior notice whose cure deadline "
                    + "has passed, unless an emergency is declared with a reason");
        }

        Decision decision = new Decision();
        decision.decisionId = UUID.randomUUID().toString();
        decision.customerId = customerId;
        decision.caseId = abuseCase == null ? null : abuseCase.id;
        decision.action = action;
        decision.scopeKind = scope.kind();
        decision.scopeTargets = scope.targets();
        decision.ground = request.ground();
        decision.groundReference = request.groundReference();
        decision.clauseIds = List.copyOf(request.clauseIds());
        decision.category = request.category();
        decision.facts = request.facts();
        decision.detectionSource = detectionSource(request, abuseCase, basedOn);
        decision.automatedDetection = request.automatedDetection();
        decision.automatedDecision = request.automatedDecision();
        decision.effectiveFrom = now;
        decision.effectiveUntil = request.effectiveUntil();
        decision.emergency = request.emergency();
        decision.emergencyReason = request.emergencyReason();
        decision.basedOn = basedOn;
        decision.strike = action != Action.REINSTATE;
        decision.decidedBy = actor;
        decision.decidedAt = now;
        decision.evidence = new ArrayList<>(evidence);
        decision.persist();

        CustomerStatus before = customer.status;
        apply(customer, decision);
        if (abuseCase != null) {
            cases.transition(abuseCase, action == Action.REINSTATE ? CaseState.CLOSED : CaseState.ACTION_TAKEN, actor,
                    action + " decided (" + decision.decisionId + ")");
        }
        publisher.publish(new DecisionIssued(decision.decisionId, customer.party(), action, scope,
                new StatementOfReasons(decision.ground, decision.groundReference,
                        clauses.stream().map(PolicyCatalog.Clause::toEvent).toList(), decision.category,
                        decision.facts, decision.detectionSource, decision.automatedDetection,
                        decision.automatedDecision, decision.effectiveFrom, decision.effectiveUntil),
                evidence.stream().map(Evidence::toRef).toList(), basedOn, actor, now));
        audit.record(actor, "decision.issued", "decision", decision.decisionId, action + " " + scope.kind()
                + scope.targets() + "; customer " + customerId + " " + before + " -> " + customer.status + "; strikes="
                + customer.strikes + (decision.emergency ? "; EMERGENCY: " + decision.emergencyReason : "")
                + (basedOn.isEmpty() ? "" : "; basedOn=" + basedOn));
        return decision;
    }

    private static DecisionScope scope(Customer customer, NewDecision request) {
        if (request.scope() == null || request.scope().kind() == ScopeKind.ACCOUNT) {
            return DecisionScope.account();
        }
        if (request.scope().kind() == ScopeKind.LISTINGS) {
            throw ProblemException.invalid("scope.kind", "a host decides on its ACCOUNT or RESOURCES, not LISTINGS");
        }
        if (request.action() != Action.RESTRICT && request.action() != Action.REINSTATE) {
            throw ProblemException.invalid("scope.kind", "only RESTRICT and REINSTATE apply to single resources");
        }
        List<String> targets = request.scope().targets() == null ? List.of()
                : request.scope().targets().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
        if (targets.isEmpty()) {
            throw ProblemException.invalid("scope.targets", "name the resources");
        }
        for (String target : targets) {
            if (HostedResource.findByHostname(target).filter(r -> r.customerId.equals(customer.id)).isEmpty()) {
                throw ProblemException.invalid("scope.targets", target + " is not a resource of this customer");
            }
        }
        return new DecisionScope(ScopeKind.RESOURCES, targets);
    }

    private static AbuseCase caseOf(Customer customer, NewDecision request) {
        AbuseCase abuseCase = AbuseCase.<AbuseCase>findByIdOptional(request.caseId())
                .orElseThrow(() -> ProblemException.invalid("caseId", "no such case"));
        if (!abuseCase.customerId.equals(customer.id)) {
            throw ProblemException.invalid("caseId", "belongs to another customer");
        }
        CaseService.requireVersion(abuseCase, request.caseVersion());
        return abuseCase;
    }

    /** The evidence given, plus the reports named; with neither, the case's reports. */
    private static List<Evidence> evidence(Customer customer, AbuseCase abuseCase, NewDecision request) {
        List<Evidence> evidence = new ArrayList<>();
        for (EvidenceInput input : Optional.ofNullable(request.evidence()).orElse(List.of())) {
            evidence.add(Evidence.of(input.uri(), input.sha256(), input.excerpt(), input.observedAt()));
        }
        for (Long reportId : Optional.ofNullable(request.reportIds()).orElse(List.of())) {
            AbuseReport report = AbuseReport.<AbuseReport>findByIdOptional(reportId)
                    .filter(r -> r.customerId.equals(customer.id))
                    .orElseThrow(() -> ProblemException.invalid("reportIds", "report " + reportId
                            + " is not a report about this customer"));
            evidence.add(report.toEvidence());
        }
        if (evidence.isEmpty() && abuseCase != null) {
            AbuseReport.<AbuseReport>find("caseId", Sort.descending("observedAt"), abuseCase.id)
                    .range(0, NoticeService.MAX_EVIDENCE - 1).list()
                    .forEach(report -> evidence.add(report.toEvidence()));
        }
        return evidence;
    }

    /** Citing a peer's decision is allowed only next to evidence this provider examined itself. */
    private static void requireOwnEvidenceForPeerDecisions(Customer customer, List<String> basedOn,
            List<Evidence> evidence) {
        if (basedOn.isEmpty()) {
            return;
        }
        Set<String> peerHashes = new HashSet<>();
        for (String peerDecisionId : basedOn) {
            PeerReview review = PeerReview.<PeerReview>find("peerDecisionId = ?1 and customerId = ?2", peerDecisionId,
                    customer.id).firstResultOptional()
                    .orElseThrow(() -> ProblemException.invalid("basedOn", peerDecisionId
                            + " is not a peer decision under review for this customer"));
            peerHashes.addAll(PeerReviewService.evidenceHashes(review));
        }
        if (evidence.stream().allMatch(e -> peerHashes.contains(e.sha256))) {
            throw ProblemException.invalid("evidence", "a decision based on a peer's must also cite evidence this "
                    + "provider examined itself");
        }
    }

    private static DetectionSource detectionSource(NewDecision request, AbuseCase abuseCase, List<String> basedOn) {
        if (request.detectionSource() != null) {
            return request.detectionSource();
        }
        if (!basedOn.isEmpty()) {
            return DetectionSource.PEER_PROVIDER;
        }
        if (abuseCase != null) {
            return AbuseReport.<AbuseReport>find("caseId", Sort.by("receivedAt"), abuseCase.id).firstResultOptional()
                    .map(r -> r.reporterType.source()).orElse(DetectionSource.OWN_INITIATIVE);
        }
        return DetectionSource.OWN_INITIATIVE;
    }

    /** The customer's standing after a new decision; a reinstatement lifts every decision still in force. */
    private static void apply(Customer customer, Decision decision) {
        if (decision.action == Action.REINSTATE) {
            if (decision.scopeKind == ScopeKind.RESOURCES) {
                setResources(decision.scopeTargets, ResourceStatus.ACTIVE);
            } else {
                Decision.<Decision>list("customerId = ?1 and status = ?2 and id <> ?3", customer.id,
                        DecisionStatus.IN_FORCE, decision.id).forEach(d -> d.status = DecisionStatus.LIFTED);
            }
            recompute(customer);
            return;
        }
        customer.strikes++;
        if (decision.action == Action.RESTRICT && decision.scopeKind == ScopeKind.RESOURCES) {
            setResources(decision.scopeTargets, ResourceStatus.RESTRICTED);
        }
        CustomerStatus status = statusFor(decision.action);
        if (status.isMoreSevereThan(customer.status)) {
            customer.status = status;
        }
    }

    /** Standing from the decisions still in force: the most severe one wins, none means active. */
    private static void recompute(Customer customer) {
        List<Decision> inForce = Decision.list("customerId = ?1 and status = ?2 and action <> ?3", customer.id,
                DecisionStatus.IN_FORCE, Action.REINSTATE);
        CustomerStatus status = CustomerStatus.ACTIVE;
        Set<String> restricted = new HashSet<>();
        for (Decision d : inForce) {
            CustomerStatus s = statusFor(d.action);
            status = s.isMoreSevereThan(status) ? s : status;
            if (d.action == Action.RESTRICT && d.scopeKind == ScopeKind.RESOURCES) {
                restricted.addAll(d.scopeTargets);
            }
        }
        customer.status = status;
        for (HostedResource resource : HostedResource.ofCustomer(customer.id)) {
            resource.status = restricted.contains(resource.hostname) ? ResourceStatus.RESTRICTED : ResourceStatus.ACTIVE;
        }
    }

    private static void setResources(List<String> hostnames, ResourceStatus status) {
        hostnames.forEach(h -> HostedResource.findByHostname(h).ifPresent(r -> r.status = status));
    }

    private static CustomerStatus statusFor(Action action) {
        return switch (action) {
            case WARN -> CustomerStatus.WARNED;
            case RESTRICT -> CustomerStatus.RESTRICTED;
            case SUSPEND -> CustomerStatus.SUSPENDED;
            case TERMINATE -> CustomerStatus.TERMINATED;
            default -> CustomerStatus.ACTIVE;
        };
    }

    /**
     * Undoes a decision because an appeal, a ruling or an error requires it: the customer's standing is recomputed
     * without it (which reinstates them unless another decision stands), the strike is taken back, the case closes,
     * and decision.reversed cites the reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reverse(Decision decision, ReversalReason reason, String explanation, String citation, String actor) {
        if (decision.status != DecisionStatus.IN_FORCE) {
            throw ProblemException.conflict("Decision " + decision.decisionId + " is " + decision.status
                    + " and cannot be reversed");
        }
        Instant now = clock.now();
        decision.status = DecisionStatus.REVERSED;
        decision.reversalReason = reason;
        decision.reversalExplanation = explanation;
        decision.reversalCitation = citation;
        decision.reversedBy = actor;
        decision.reversedAt = now;
        Customer customer = customers.get(decision.customerId);
        CustomerStatus before = customer.status;
        if (decision.strike) {
            customer.strikes = Math.max(0, customer.strikes - 1);
        }
        recompute(customer);
        if (decision.caseId != null) {
            AbuseCase abuseCase = cases.get(decision.caseId);
            if (abuseCase.state == CaseState.ACTION_TAKEN || abuseCase.state == CaseState.APPEALED) {
                cases.transition(abuseCase, CaseState.CLOSED, actor, "decision " + decision.decisionId
                        + " reversed (" + reason + ")");
            }
        }
        publisher.publish(new DecisionReversed(UUID.randomUUID().toString(), decision.decisionId, customer.party(),
                reason, explanation, citation, actor, now));
        audit.record(actor, "decision.reversed", "decision", decision.decisionId, reason + "; customer "
                + customer.id + " " + before + " -> " + customer.status + "; strikes=" + customer.strikes
                + (citation == null ? "" : "; citing " + citation) + "; " + explanation);
    }

    public Decision get(String decisionId) {
        return Decision.findByDecisionId(decisionId).orElseThrow(() -> ProblemException.notFound("Decision", decisionId));
    }

    public List<Decision> ofCustomer(Long customerId) {
        return Decision.list("customerId", Sort.by("id"), customerId);
    }
}
