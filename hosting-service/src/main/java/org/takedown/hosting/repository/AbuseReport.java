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

import org.takedown.common.event.Category;

/** One report of violating content, attached to the customer's case for its category. */
@Entity
@Table(name = "abuse_report")
public class AbuseReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_type", nullable = false)
    public ReporterType reporterType;

    /** The reporter's id, or for an anonymous one its network address: the deduplication key with the URL. */
    @Column(name = "reporter_key", nullable = false)
    public String reporterKey;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    public String resource;

    @Column(name = "content_url", nullable = false)
    public String contentUrl;

    @Column(columnDefinition = "text")
    public String excerpt;

    @Column(name = "evidence_sha256", nullable = false)
    public String evidenceSha256;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static Optional<AbuseReport> findDuplicate(String reporterKey, String contentUrl) {
        return find("reporterKey = ?1 and contentUrl = ?2", reporterKey, contentUrl).firstResultOptional();
    }

    public Evidence toEvidence() {
        return Evidence.of(contentUrl, evidenceSha256, excerpt, observedAt);
    }
}
