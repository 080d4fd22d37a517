package org.takedown.common.audit;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One state change: who did what to which record, when, and why. Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    public Long id;

    /** Domain time, from the service clock. */
    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(columnDefinition = "text")
    public String details;
}
