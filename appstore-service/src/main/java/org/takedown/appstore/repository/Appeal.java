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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A developer's appeal against one decision, decided by a reviewer other than the one who decided. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    public enum State {
        PENDING,
        UPHELD,
        REVERSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "decision_pk")
    public StoreDecision decision;

    @ManyToOne
    @JoinColumn(name = "review_case_id")
    public ReviewCase reviewCase;

    @Column(nullable = false, columnDefinition = "text")
    public String grounds;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "outcome_reasons", columnDefinition = "text")
    public String outcomeReasons;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;
}
