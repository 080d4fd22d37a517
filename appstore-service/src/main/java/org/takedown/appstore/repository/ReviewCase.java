package org.takedown.appstore.repository;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A reviewer's work item about one listing: open → (optional) remediation requested with a deadline → concluded.
 * Escalation is a flag the deadline sweep raises; it changes priority, never the outcome.
 */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {

    public enum State {
        OPEN,
        REMEDIATION_REQUESTED,
        CONCLUDED
    }

    /** What opened the case. */
    public enum Trigger {
        PEER_SIGNAL,
        REPORT,
        REVERSAL,
        APPEAL,
        RESUBMISSION
    }

    public enum Priority {
        LOW,
        NORMAL,
        HIGH,
        URGENT
    }

    /** Ids come in blocks from the sequence, so that the cases a fan-out opens are inserted in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_case_seq")
    @SequenceGenerator(name = "review_case_seq", sequenceName = "review_case_id_seq", allocationSize = 50)
    public Long id;

    /** The id peers see in review.opened and review.concluded. */
    @Column(name = "review_id", nullable = false)
    public String reviewId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "listing_id")
    public Listing listing;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    public Trigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    public String assignee;

    @Column(name = "sla_deadline", nullable = false)
    public Instant slaDeadline;

    @Column(name = "remediation_deadline")
    public Instant remediationDeadline;

    @Convert(converter = StringListConverter.class)
    @Column(name = "remediation_policy_ids", columnDefinition = "text")
    public List<String> remediationPolicyIds;

    @Column(name = "remediation_instructions", columnDefinition = "text")
    public String remediationInstructions;

    @Column(name = "developer_response", columnDefinition = "text")
    public String developerResponse;

    @Column(name = "developer_responded_at")
    public Instant developerRespondedAt;

    @Column(nullable = false)
    public boolean escalated;

    @Column(name = "sla_breached", nullable = false)
    public boolean slaBreached;

    @Column(name = "remediation_expired", nullable = false)
    public boolean remediationExpired;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "peer_provider")
    public String peerProvider;

    /** For a peer signal: the peer's decision; for a reversal: the peer decision that was reversed. */
    @Column(name = "peer_decision_id")
    public String peerDecisionId;

    /** The peer event this case was opened on; its statement is kept once, on that event's {@link PeerSignal}. */
    @Column(name = "peer_event_id")
    public String peerEventId;

    @Convert(converter = StringListConverter.class)
    @Column(name = "matched_by", columnDefinition = "text")
    public List<String> matchedBy;

    /** For a re-review or an appeal: the id of our own decision under review. */
    @Column(name = "subject_decision_id")
    public String subjectDecisionId;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Column(name = "concluded_by")
    public String concludedBy;

    @Column(name = "peer_opinion")
    public String peerOpinion;

    @Column(name = "outcome_decision_id")
    public String outcomeDecisionId;

    @Version
    public long version;

    public boolean isConcluded() {
        return state == State.CONCLUDED;
    }

    public boolean isPeerTriggered() {
        return trigger == Trigger.PEER_SIGNAL;
    }

    /** The listings that already have a case for this peer decision, found in one query however many there are. */
    public static Set<Long> listingsWithPeerCase(String peerDecisionId) {
        return new HashSet<>(getEntityManager().createQuery("select r.listing.id from ReviewCase r "
                + "where r.trigger = ?1 and r.peerDecisionId = ?2", Long.class)
                .setParameter(1, Trigger.PEER_SIGNAL)
                .setParameter(2, peerDecisionId)
                .getResultList());
    }

    /** Cases still waiting for a decision whose SLA or remediation deadline has passed and is not yet flagged. */
    public static List<ReviewCase> overdue(Instant now) {
        return list("state <> ?1 and ((state = ?2 and slaBreached = false and slaDeadline <= ?3) "
                + "or (state = ?4 and remediationExpired = false and developerRespondedAt is null "
                + "and remediationDeadline <= ?3))",
                State.CONCLUDED, State.OPEN, now, State.REMEDIATION_REQUESTED);
    }
}
