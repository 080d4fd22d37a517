package org.takedown.appstore.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.takedown.appstore.repository.Appeal;
import org.takedown.appstore.repository.Developer;
import org.takedown.appstore.repository.JsonText;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.PeerSignal;
import org.takedown.appstore.repository.Report;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.repository.Ruling;
import org.takedown.appstore.repository.StoreDecision;

/** What the API returns: entities flattened to ids and values, never JPA graphs. */
public final class Views {

    private Views() {
    }

    public record ContactView(String role, String name, String email) {
    }

    public record DeveloperView(Long id, String legalName, List<String> domains, List<ContactView> contacts,
            Instant createdAt, long revision) {
        static DeveloperView of(Developer d) {
            return new DeveloperView(d.id, d.legalName, List.copyOf(d.domains),
                    d.contacts.stream().map(c -> new ContactView(c.role, c.name, c.email)).toList(), d.createdAt,
                    d.version);
        }
    }

    /** {@code version} is the app's version; {@code revision} the record's, for optimistic locking. */
    public record ListingView(Long id, Long developerId, String developerLegalName, String appName, String bundleId,
            Listing.Platform platform, String version, boolean hostsUserContent, Listing.Status status,
            Instant statusChangedAt, Instant createdAt, long revision) {
        static ListingView of(Listing l) {
            return new ListingView(l.id, l.developer.id, l.developer.legalName, l.appName, l.bundleId, l.platform,
                    l.appVersion, l.hostsUserContent, l.status, l.statusChangedAt, l.createdAt, l.version);
        }
    }

    public record ReportView(Long id, Long listingId, String reporter, Report.Source source, String category,
            String contentUrl, String excerpt, String evidenceSha256, Instant observedAt, String description,
            Instant receivedAt, Long reviewCaseId, boolean duplicate) {
        static ReportView of(Report r, boolean duplicate) {
            return new ReportView(r.id, r.listing.id, r.reporter, r.source, r.category.name(), r.contentUrl,
                    r.excerpt, r.evidenceSha256, r.observedAt, r.description, r.receivedAt,
                    r.reviewCase == null ? null : r.reviewCase.id, duplicate);
        }
    }

    /** A review case; {@code peerStatement} (the peer's decision as received) only in the single-case view. */
    public record ReviewView(Long id, String reviewId, Long listingId, String bundleId, Long developerId,
            ReviewCase.State state, ReviewCase.Trigger trigger, ReviewCase.Priority priority, String assignee,
            Instant slaDeadline, Instant remediationDeadline, List<String> remediationPolicyIds,
            String remediationInstructions, String developerResponse, Instant developerRespondedAt,
            boolean escalated, boolean slaBreached, boolean remediationExpired, Instant escalatedAt,
            String peerProvider, String peerDecisionId, List<String> matchedBy, String subjectDecisionId,
            Instant openedAt, Instant concludedAt, String concludedBy, String peerOpinion, String outcomeDecisionId,
            long version, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode peerStatement) {

        static ReviewView summary(ReviewCase c) {
            return of(c, null);
        }

        static ReviewView detail(ReviewCase c) {
            return of(c, PeerSignal.statementOf(c.peerEventId).map(JsonText::tree).orElse(null));
        }

        private static ReviewView of(ReviewCase c, JsonNode statement) {
            return new ReviewView(c.id, c.reviewId, c.listing.id, c.listing.bundleId, c.listing.developer.id, c.state,
                    c.trigger, c.priority, c.assignee, c.slaDeadline, c.remediationDeadline, c.remediationPolicyIds,
                    c.remediationInstructions, c.developerResponse, c.developerRespondedAt, c.escalated,
                    c.slaBreached, c.remediationExpired, c.escalatedAt, c.peerProvider, c.peerDecisionId,
                    c.matchedBy, c.subjectDecisionId, c.openedAt, c.concludedAt, c.concludedBy, c.peerOpinion,
                    c.outcomeDecisionId, c.version, statement);
        }
    }

    public record EvidenceView(String uri, String sha256, String excerpt, Instant observedAt) {
    }

    public record DecisionView(Long id, String decisionId, Long reviewCaseId, Long listingId, String action,
            String category, List<String> policyIds, String facts, JsonNode statement,
            List<EvidenceView> examinedEvidence, List<String> basedOn, String peerOpinion, String opinionRationale,
            boolean reliedOnPeerOnly, boolean published, StoreDecision.Status status, Instant remediationDeadline,
            Instant appealDeadline, String decidedBy, Instant decidedAt, Instant reversedAt, String reversalReason,
            long version) {
        static DecisionView of(StoreDecision d) {
            return new DecisionView(d.id, d.decisionId, d.reviewCase.id, d.listing.id, d.action.name(),
                    d.category == null ? null : d.category.name(), d.policyIds, d.facts, JsonText.tree(d.statement),
                    d.examinedEvidence.stream().map(e -> new EvidenceView(e.uri, e.sha256, e.excerpt, e.observedAt))
                            .toList(),
                    List.copyOf(d.basedOn), d.peerOpinion, d.opinionRationale, d.reliedOnPeerOnly, d.published,
                    d.status, d.remediationDeadline, d.appealDeadline, d.decidedBy, d.decidedAt, d.reversedAt,
                    d.reversalReason == null ? null : d.reversalReason.name(), d.version);
        }
    }

    public record AppealView(Long id, String decisionId, Long listingId, Long reviewCaseId, String grounds,
            String filedBy, Instant filedAt, Appeal.State state, String outcomeReasons, String decidedBy,
            Instant decidedAt, long version) {
        static AppealView of(Appeal a) {
            return new AppealView(a.id, a.decision.decisionId, a.decision.listing.id,
                    a.reviewCase == null ? null : a.reviewCase.id, a.grounds, a.filedBy, a.filedAt, a.state,
                    a.outcomeReasons, a.decidedBy, a.decidedAt, a.version);
        }
    }

    public record RulingView(Long id, String decisionId, Ruling.Kind kind, String body, String reference,
            boolean ordersReinstatement, String summary, String recordedBy, Instant recordedAt, boolean complied,
            StoreDecision.Status decisionStatus) {
        static RulingView of(Ruling r) {
            return new RulingView(r.id, r.decision.decisionId, r.kind, r.body, r.reference, r.ordersReinstatement,
                    r.summary, r.recordedBy, r.recordedAt, r.complied, r.decision.status);
        }
    }

    public record PeerSignalView(Long id, String eventId, String eventType, String peerProvider,
            String peerDecisionId, String peerAction, String partyLegalName, PeerSignal.Outcome outcome, String note,
            List<PeerSignal.Match> matches, Instant receivedAt) {
        static PeerSignalView of(PeerSignal s) {
            return new PeerSignalView(s.id, s.eventId, s.eventType, s.peerProvider, s.peerDecisionId, s.peerAction,
                    s.partyLegalName, s.outcome, s.note, s.matches, s.receivedAt);
        }
    }
}
