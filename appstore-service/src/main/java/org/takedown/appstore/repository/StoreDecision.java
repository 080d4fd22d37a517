package org.takedown.appstore.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.ReversalReason;

/**
 * What the store decided about a listing, with its DSA-shaped statement of reasons, the evidence the reviewer examined
 * and the peer decisions it relied on ({@code basedOn}).
 */
@Entity
@Table(name = "store_decision")
public class StoreDecision extends PanacheEntityBase {

    public enum Status {
        IN_FORCE,
        REVERSED,
        /** A later decision (say, reinstatement after remediation) replaced it; it was not wrong. */
        SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The UUID peers cite in basedOn. */
    @Column(name = "decision_id", nullable = false)
    public String decisionId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "review_case_id")
    public ReviewCase reviewCase;

    @ManyToOne(optional = false)
    @JoinColumn(name = "listing_id")
    public Listing listing;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Convert(converter = StringListConverter.class)
    @Column(name = "policy_ids", nullable = false, columnDefinition = "text")
    public List<String> policyIds;

    @Column(nullable = false, columnDefinition = "text")
    public String facts;

    /** The statement of reasons as JSON, exactly as it was (or would have been) published. */
    @Column(nullable = false, columnDefinition = "text")
    public String statement;

    @Column(name = "peer_opinion")
    public String peerOpinion;

    @Column(name = "opinion_rationale", columnDefinition = "text")
    public String opinionRationale;

    @Column(name = "relied_on_peer_only", nullable = false)
    public boolean reliedOnPeerOnly;

    /** Whether a decision.issued went out for it. */
    @Column(nullable = false)
    public boolean published;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "remediation_deadline")
    public Instant remediationDeadline;

    @Column(name = "appeal_deadline")
    public Instant appealDeadline;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reversal_reason")
    public ReversalReason reversalReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_based_on", joinColumns = @JoinColumn(name = "decision_pk"))
    @Column(name = "peer_decision_id")
    public Set<String> basedOn = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_evidence", joinColumns = @JoinColumn(name = "decision_pk"))
    public List<Evidence> examinedEvidence = new ArrayList<>();

    @Version
    public long version;

    @Embeddable
    public static class Evidence {
        @Column(nullable = false)
        public String uri;
        @Column(nullable = false)
        public String sha256;
        public String excerpt;
        @Column(name = "observed_at")
        public Instant observedAt;

        public Evidence() {
        }

        public Evidence(String uri, String sha256, String excerpt, Instant observedAt) {
            this.uri = uri;
            this.sha256 = sha256;
            this.excerpt = excerpt;
            this.observedAt = observedAt;
        }
    }

    public static Optional<StoreDecision> byDecisionId(String decisionId) {
        return find("decisionId", decisionId).firstResultOptional();
    }

    /** Our decisions still in force that cited the given peer decision. */
    public static List<StoreDecision> inForceCiting(String peerDecisionId) {
        return list("select d from StoreDecision d join d.basedOn b where b = ?1 and d.status = ?2 order by d.id",
                peerDecisionId, Status.IN_FORCE);
    }

    /** The restrictive decision currently keeping the listing down, if any. */
    public static Optional<StoreDecision> restrictionInForce(Listing listing) {
        return find("listing = ?1 and status = ?2 and action in ?3 order by id desc", listing, Status.IN_FORCE,
                List.of(Action.REMOVE_LISTING, Action.RESTRICT_LISTING)).firstResultOptional();
    }
}
