package org.takedown.hosting.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Opinion;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.event.ScopeKind;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.Appeal;
import org.takedown.hosting.repository.AppealState;
import org.takedown.hosting.repository.CaseState;
import org.takedown.hosting.repository.Customer;
import org.takedown.hosting.repository.CustomerStatus;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.repository.DecisionStatus;
import org.takedown.hosting.repository.Evidence;
import org.takedown.hosting.repository.HostedResource;
import org.takedown.hosting.repository.Notice;
import org.takedown.hosting.repository.NoticeState;
import org.takedown.hosting.repository.PeerOpinion;
import org.takedown.hosting.repository.PeerReview;
import org.takedown.hosting.repository.PeerReviewState;
import org.takedown.hosting.repository.Priority;
import org.takedown.hosting.repository.ReporterType;
import org.takedown.hosting.repository.ResourceStatus;
import org.takedown.hosting.repository.Ruling;
import org.takedown.hosting.repository.RulingKind;
import org.takedown.hosting.service.PolicyCatalog;
import org.takedown.hosting.service.TrendService;

/** What the API returns: entities turned into stable JSON shapes. */
public final class Views {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    public record ContactView(String role, String name, String email) {
    }

    public record ResourceView(Long id, String hostname, ResourceStatus status) {
        static ResourceView of(HostedResource r) {
            return new ResourceView(r.id, r.hostname, r.status);
        }
    }

    public record CustomerView(Long id, String legalName, CustomerStatus status, int strikes, List<String> domains,
            List<ContactView> contacts, List<ResourceView> resources, Instant createdAt, long version) {
        public static CustomerView of(Customer c) {
            return new CustomerView(c.id, c.legalName, c.status, c.strikes, List.copyOf(c.domains),
                    c.contacts.stream().map(x -> new ContactView(x.role, x.name, x.email)).toList(),
                    HostedResource.ofCustomer(c.id).stream().map(ResourceView::of).toList(), c.createdAt, c.version);
        }
    }

    public record ReportView(Long id, Long caseId, Long customerId, boolean duplicate, ReporterType reporterType,
            String resource, String contentUrl, Category category, Instant observedAt, Instant receivedAt) {
        public static ReportView of(AbuseReport r, boolean duplicate) {
            return new ReportView(r.id, r.caseId, r.customerId, duplicate, r.reporterType, r.resource, r.contentUrl,
                    r.category, r.observedAt, r.receivedAt);
        }
    }

    public record NoticeSummary(Long id, NoticeState state, Instant issuedAt, Instant cureDeadline) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(Long id, Long customerId, CaseState state, Priority priority, Category policyArea,
            Category category, String assignee, long version, Instant openedAt, Instant updatedAt, Long reportCount,
            List<NoticeSummary> notices, TrendService.Trend trend) {

        public static CaseView summary(AbuseCase c) {
            return new CaseView(c.id, c.customerId, c.state, c.priority, c.policyArea, c.policyArea, c.assignee,
                    c.version, c.openedAt, c.updatedAt, null, null, null);
        }

        public static CaseView full(AbuseCase c, List<Notice> notices, TrendService.Trend trend) {
            return new CaseView(c.id, c.customerId, c.state, c.priority, c.policyArea, c.policyArea, c.assignee,
                    c.version, c.openedAt, c.updatedAt, AbuseReport.count("caseId", c.id),
                    notices.stream().map(n -> new NoticeSummary(n.id, n.state, n.issuedAt, n.cureDeadline)).toList(),
                    trend);
        }
    }

    public record EvidenceView(String uri, String sha256, String excerpt, Instant observedAt) {
        static List<EvidenceView> of(List<Evidence> evidence) {
            return evidence.stream().map(e -> new EvidenceView(e.uri, e.sha256, e.excerpt, e.observedAt)).toList();
        }
    }

    public record NoticeView(Long id, String noticeId, Long caseId, Long customerId, Category category,
            List<PolicyClause> clauses, String facts, List<EvidenceView> evidence, NoticeState state, String issuedBy,
            Instant issuedAt, Instant cureDeadline, String remediation, Instant remediatedAt, String resolvedBy,
            Instant resolvedAt, String resolution, long version) {
        public static NoticeView of(Notice n, PolicyCatalog policies) {
            return new NoticeView(n.id, n.noticeId, n.caseId, n.customerId, n.category,
                    n.clauseIds.stream().map(policies::quote).toList(), n.facts, EvidenceView.of(n.evidence), n.state,
                    n.issuedBy, n.issuedAt, n.cureDeadline, n.remediation, n.remediatedAt, n.resolvedBy,
                    n.resolvedAt, n.resolution, n.version);
        }
    }

    public record ScopeView(ScopeKind kind, List<String> targets) {
    }

    /** The DSA statement of reasons, as the customer and the transparency database see it. */
    public record StatementView(Ground ground, String groundReference, List<PolicyClause> clauses, Category category,
            String facts, DetectionSource detectionSource, boolean automatedDetection, boolean automatedDecision,
            Instant effectiveFrom, Instant effectiveUntil, String decidedBy, Instant decidedAt) {
    }

    public record ReversalView(ReversalReason reason, String explanation, String citation, String reversedBy,
            Instant reversedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(Long id, String decisionId, Long customerId, Long caseId, Action action,
            ScopeView scope, DecisionStatus status, boolean strike, StatementView statement,
            List<EvidenceView> evidence, List<String> basedOn, boolean emergency, String emergencyReason,
            ReversalView reversal, List<AppealView> appeals, List<RulingView> rulings, long version) {

        public static DecisionView of(Decision d, PolicyCatalog policies, List<AppealView> appeals,
                List<RulingView> rulings) {
            return new DecisionView(d.id, d.decisionId, d.customerId, d.caseId, d.action,
                    new ScopeView(d.scopeKind, d.scopeTargets), d.status, d.strike,
                    new StatementView(d.ground, d.groundReference, d.clauseIds.stream().map(policies::quote).toList(),
                            d.category, d.facts, d.detectionSource, d.automatedDetection, d.automatedDecision,
                            d.effectiveFrom, d.effectiveUntil, d.decidedBy, d.decidedAt),
                    EvidenceView.of(d.evidence), d.basedOn, d.emergency, d.emergencyReason,
                    d.reversedAt == null ? null
                            : new ReversalView(d.reversalReason, d.reversalExplanation, d.reversalCitation,
                                    d.reversedBy, d.reversedAt),
                    appeals, rulings, d.version);
        }
    }

    public record AppealView(Long id, String decisionId, Long customerId, String grounds, AppealState state,
            String filedBy, Instant filedAt, String decidedBy, Instant decidedAt, String reasons) {
        public static AppealView of(Appeal a, String decisionId) {
            return new AppealView(a.id, decisionId, a.customerId, a.grounds, a.state, a.filedBy, a.filedAt,
                    a.decidedBy, a.decidedAt, a.reasons);
        }
    }

    public record RulingView(Long id, String decisionId, RulingKind kind, String body, String reference,
            boolean ordersReinstatement, String summary, Ruling.Outcome outcome, String recordedBy,
            Instant recordedAt) {
        public static RulingView of(Ruling r, String decisionId) {
            return new RulingView(r.id, decisionId, r.kind, r.body, r.reference, r.ordersReinstatement, r.summary,
                    r.outcome, r.recordedBy, r.recordedAt);
        }
    }

    public record PeerReviewView(Long id, String reviewId, String peerProvider, String peerDecisionId,
            Long customerId, List<String> matchedBy, Action peerAction, Category peerCategory,
            JsonNode peerDecision, PeerReviewState state, Instant openedAt, Instant slaDeadline, Opinion opinion,
            String rationale, String ownDecisionId, String concludedBy, Instant concludedAt, long version) {
        public static PeerReviewView of(PeerReview r) {
            return new PeerReviewView(r.id, r.reviewId, r.peerProvider, r.peerDecisionId, r.customerId,
                    List.of(r.matchedBy.split(",")), r.peerAction, r.peerCategory, tree(r.peerStatement), r.state,
                    r.openedAt, r.slaDeadline, r.opinion, r.rationale, r.ownDecisionId, r.concludedBy, r.concludedAt,
                    r.version);
        }
    }

    public record PeerOpinionView(Long id, String decisionId, String peerProvider, String reviewId, Opinion opinion,
            String rationale, String ownDecisionId, String concludedBy, Instant concludedAt, Instant receivedAt) {
        public static PeerOpinionView of(PeerOpinion o) {
            return new PeerOpinionView(o.id, o.decisionId, o.peerProvider, o.reviewId, o.opinion, o.rationale,
                    o.ownDecisionId, o.concludedBy, o.concludedAt, o.receivedAt);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored peer statement is always JSON", e);
        }
    }
}
