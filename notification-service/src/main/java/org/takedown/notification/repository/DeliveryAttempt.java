package org.takedown.notification.repository;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The delivery log: one row per attempt, with its outcome, the response code and the error. Append-only. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "notification_id", nullable = false)
    public Long notificationId;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "response_code")
    public Integer responseCode;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    public static List<DeliveryAttempt> of(Long notificationId) {
        return list("notificationId", Sort.ascending("attempt", "id"), notificationId);
    }
}
