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

import org.takedown.common.event.Opinion;

/** What a peer concluded about one of our decisions (its review.concluded). */
@Entity
@Table(name = "peer_opinion")
public class PeerOpinion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Our decision's public id. */
    @Column(name = "decision_id", nullable = false)
    public String decisionId;

    @Column(name = "peer_provider", nullable = false)
    public String peerProvider;

    @Column(name = "review_id", nullable = false)
    public String reviewId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Opinion opinion;

    @Column(nullable = false, columnDefinition = "text")
    public String rationale;

    @Column(name = "own_decision_id")
    public String ownDecisionId;

    @Column(name = "concluded_by", nullable = false)
    public String concludedBy;

    @Column(name = "concluded_at", nullable = false)
    public Instant concludedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
