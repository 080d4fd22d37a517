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

/** The customer's request to have a decision looked at again by someone else. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The decision row's id (not its public UUID). */
    @Column(name = "decision_id", nullable = false)
    public Long decisionRowId;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(nullable = false, columnDefinition = "text")
    public String grounds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealState state = AppealState.PENDING;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(columnDefinition = "text")
    public String reasons;

    @Version
    public long version;
}
