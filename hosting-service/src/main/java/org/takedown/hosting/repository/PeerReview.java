package org.takedown.hosting.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.Opinion;

/**
 * Our own review of a peer's decision about one of our customers. It never changes the customer's standing: only a
 * decision of ours, on evidence we examined, can.
 */
@Entity
@Table(name = "peer_review")
public class PeerReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The id in our review.opened and review.concluded events. */
    @Column(name = "review_id", nullable = false)
    public String reviewId;

    @Column(name = "peer_provider", nullable = false)
    public String peerProvider;

    @Column(name = "peer_decision_id", nullable = false)
    public String peerDecisionId;

    @Column(name = "peer_event_id", nullable = false)
    public String peerEventId;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    /** How we recognised the party, such as "domain:parler.com". */
    @Column(name = "matched_by", nullable = false)
    public String matchedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "peer_action", nullable = false)
    public Action peerAction;

    @Enumerated(EnumType.STRING)
    @Column(name = "peer_category", nullable = false)
    public Category peerCategory;

    /** The peer's decision as it arrived (statement of reasons, evidence), kept as context for the reviewer. */
    @Column(name = "peer_statement", nullable = false, columnDefinition = "text")
    public String peerStatement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PeerReviewState state = PeerReviewState.OPEN;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "sla_deadline", nullable = false)
    public Instant slaDeadline;

    @Enumerated(EnumType.STRING)
    public Opinion opinion;

    @Column(columnDefinition = "text")
    public String rationale;

    @Column(name = "own_decision_id")
    public String ownDecisionId;

    @Column(name = "concluded_by")
    public String concludedBy;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Version
    public long version;
}
