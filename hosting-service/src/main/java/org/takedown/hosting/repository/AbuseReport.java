package org.takedown.hosting.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
     * Inserts the reports that are new in one statement, in the caller's transaction, and sets their ids. The
     * deduplication index decides (on conflict do nothing), so two equal reports in one list or in concurrent
     * transactions still give one row. Returns, per report, whether it was inserted; one that was not is a duplicate
     * (of a stored report, or of an earlier one in the list). One statement also means the count trigger runs once.
     */
    public static boolean[] insertNew(List<AbuseReport> reports) {
        Map<String, Long> ids = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into abuse_report (reporter_type,"
                    + " reporter_key, customer_id, case_id, resource, content_url, excerpt, evidence_sha256, observed_at,"
                    + " category, received_at) select * from unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[],"
                    + " ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[])"
                    + " on conflict (reporter_key, content_url) do nothing returning id, reporter_key, content_url")) {
                List<Function<AbuseReport, Object>> columns = List.of(r -> r.reporterType.name(), r -> r.reporterKey,
                        r -> r.customerId, r -> r.caseId, r -> r.resource, r -> r.contentUrl, r -> r.excerpt,
                        r -> r.evidenceSha256, r -> r.observedAt.toString(), r -> r.category.name(),
                        r -> r.receivedAt.toString());
                for (int c = 0; c < columns.size(); c++) {
                    Function<AbuseReport, Object> column = columns.get(c);
                    String[] values = reports.stream().map(column).map(v -> v == null ? null : v.toString())
                            .toArray(String[]::new);
                    insert.setArray(c + 1, connection.createArrayOf("text", values));
                }
                Map<String, Long> inserted = new HashMap<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.put(dedupKey(rows.getString(2), rows.getString(3)), rows.getLong(1));
                    }
                }
                return inserted;
            }
        });
        boolean[] inserted = new boolean[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            AbuseReport report = reports.get(i);
            // the first of equal reports in the list was the one inserted
            Long id = ids.remove(dedupKey(report.reporterKey, report.contentUrl));
            inserted[i] = id != null;
            if (inserted[i]) {
                report.id = id;
            }
        }
        return inserted;
    }

    private static String dedupKey(String reporterKey, String contentUrl) {
        return reporterKey + "\n" + contentUrl;
    }

    public Evidence toEvidence() {
        return Evidence.of(contentUrl, evidenceSha256, excerpt, observedAt);
    }
}
