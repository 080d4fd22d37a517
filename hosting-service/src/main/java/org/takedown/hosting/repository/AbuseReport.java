package org.takedown.hosting.repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

import org.hibernate.Session;
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

    /**
     * Inserts the reports that are new, in one JDBC batch, in the caller's transaction; the deduplication index decides
     * (on conflict do nothing), so two equal reports in one batch or in concurrent batches still give one row. Ids
     * come from the column's sequence first, so the batch needs no generated keys. Returns, per report, whether it
     * was inserted; a report that was not is a duplicate. (The driver's reWriteBatchedInserts would hide these counts.)
     */
    public static boolean[] insertNew(List<AbuseReport> reports) {
        List<?> ids = getEntityManager()
                .createNativeQuery("select nextval(pg_get_serial_sequence('abuse_report', 'id')) from generate_series(1, ?1)")
                .setParameter(1, reports.size()).getResultList();
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).id = ((Number) ids.get(i)).longValue();
        }
        int[] counts = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into abuse_report (id, reporter_type,"
                    + " reporter_key, customer_id, case_id, resource, content_url, excerpt, evidence_sha256, observed_at,"
                    + " category, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (reporter_key, content_url) do nothing")) {
                for (AbuseReport r : reports) {
                    insert.setLong(1, r.id);
                    insert.setString(2, r.reporterType.name());
                    insert.setString(3, r.reporterKey);
                    insert.setLong(4, r.customerId);
                    insert.setLong(5, r.caseId);
                    insert.setString(6, r.resource);
                    insert.setString(7, r.contentUrl);
                    insert.setString(8, r.excerpt);
                    insert.setString(9, r.evidenceSha256);
                    insert.setObject(10, r.observedAt.atOffset(ZoneOffset.UTC));
                    insert.setString(11, r.category.name());
                    insert.setObject(12, r.receivedAt.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] == 1;
        }
        return inserted;
    }

    public Evidence toEvidence() {
        return Evidence.of(contentUrl, evidenceSha256, excerpt, observedAt);
    }
}
