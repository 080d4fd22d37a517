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

/** A court order or out-of-court ruling about one of our decisions, and what we did about it. */
@Entity
@Table(name = "ruling")
public class Ruling extends PanacheEntityBase {

    /** What the ruling led to. */
    public enum Outcome {
        DECISION_REVERSED,
        ALREADY_REVERSED,
        RECORDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "decision_id", nullable = false)
    public Long decisionRowId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RulingKind kind;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String reference;

    @Column(name = "orders_reinstatement", nullable = false)
    public boolean ordersReinstatement;

    @Column(nullable = false, columnDefinition = "text")
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
