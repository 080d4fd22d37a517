package org.takedown.hosting.repository;

import java.time.Instant;
import java.util.Optional;

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

import org.takedown.common.event.Category;

/** Everything about one customer and one policy area, from the first report to the case's closing. */
@Entity
@Table(name = "abuse_case")
public class AbuseCase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "policy_area", nullable = false)
    public Category policyArea;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state = CaseState.OPEN;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority = Priority.NORMAL;

    public String assignee;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The case still being worked for this customer and area, if any. */
    public static Optional<AbuseCase> live(Long customerId, Category area) {
        return find("customerId = ?1 and policyArea = ?2 and state <> ?3", customerId, area, CaseState.CLOSED)
                .firstResultOptional();
    }
}
