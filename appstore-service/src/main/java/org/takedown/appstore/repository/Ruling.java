package org.takedown.appstore.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A court order or out-of-court dispute ruling about one of our decisions, as an admin recorded it. */
@Entity
@Table(name = "ruling")
public class Ruling extends PanacheEntityBase {

    public enum Kind {
        COURT_ORDER,
        OUT_OF_COURT_RULING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "decision_pk")
    public StoreDecision decision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String reference;

    @Column(name = "orders_reinstatement", nullable = false)
    public boolean ordersReinstatement;

    @Column(nullable = false, columnDefinition = "text")
    public String summary;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Whether recording it reversed the decision (false when it refused reinstatement or it was already reversed). */
    @Column(nullable = false)
    public boolean complied;
}
