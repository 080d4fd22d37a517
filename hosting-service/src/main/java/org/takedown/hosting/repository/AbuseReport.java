package org.takedown.hosting.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * transactions still give one row. The same statement writes each inserted report's {@code report.received}
     * audit entry, with the id at the report's index in {@code auditIds}, by the actor at that index: the reports and
     * their audit trail cost one round trip. Returns, per report, whether it was inserted; one that was not is a
     * duplicate (of a stored report, or of an earlier one in the list). One statement also means the count trigger
     * runs once.
     */
    public static boolean[] insertNew(List<AbuseReport> reports, List<String> actors, long[] auditIds) {
        // the first of equal reports in the list is the one inserted, so only it gets an audit row
        Map<String, Integer> firsts = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            firsts.putIfAbsent(dedupKey(reports.get(i).reporterKey, reports.get(i).contentUrl), i);
        }
        List<AbuseReport> audited = firsts.values().stream().map(reports::get).toList();
        Map<String, Long> ids = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("with report as (insert into abuse_report"
                    + " (reporter_type, reporter_key, customer_id, case_id, resource, content_url, excerpt,"
                    + " evidence_sha256, observed_at, category, received_at) select * from unnest(?::text[],"
                    + " ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::timestamptz[], ?::text[], ?::timestamptz[])"
                    + " on conflict (reporter_key, content_url) do nothing"
                    + " returning id, reporter_key, content_url, received_at),"
                    + " audited as (insert into audit_entry (id, at, actor, action, entity_type, entity_id, details)"
                    + " select a.id, r.received_at, a.actor, 'report.received', 'report', r.id::text, a.details"
                    + " from report r join unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])"
                    + " as a(id, reporter_key, content_url, actor, details)"
                    + " on a.reporter_key = r.reporter_key and a.content_url = r.content_url)"
                    + " select id, reporter_key, content_url from report")) {
                List<Function<AbuseReport, Object>> columns = List.of(r -> r.reporterType.name(), r -> r.reporterKey,
                        r -> r.customerId, r -> r.caseId, r -> r.resource, r -> r.contentUrl, r -> r.excerpt,
                        r -> r.evidenceSha256, r -> r.observedAt.toString(), r -> r.category.name(),
                        r -> r.receivedAt.toString());
                int parameter = 1;
                for (Function<AbuseReport, Object> column : columns) {
                    insert.setArray(parameter++, connection.createArrayOf("text", texts(reports, column)));
                }
                insert.setArray(parameter++, connection.createArrayOf("bigint",
                        firsts.values().stream().map(i -> auditIds[i]).toArray(Long[]::new)));
                insert.setArray(parameter++, connection.createArrayOf("text", texts(audited, r -> r.reporterKey)));
                insert.setArray(parameter++, connection.createArrayOf("text", texts(audited, r -> r.contentUrl)));
                insert.setArray(parameter++, connection.createArrayOf("text",
                        firsts.values().stream().map(actors::get).toArray(String[]::new)));
                insert.setArray(parameter, connection.createArrayOf("text",
                        texts(audited, AbuseReport::receivedDetails)));
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
            Long id = ids.remove(dedupKey(report.reporterKey, report.contentUrl));
            inserted[i] = id != null;
            if (inserted[i]) {
                report.id = id;
            }
        }
        return inserted;
    }

    private static String[] texts(List<AbuseReport> reports, Function<AbuseReport, Object> column) {
        return reports.stream().map(column).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** The details of a report's {@code report.received} audit entry. */
    private static String receivedDetails(AbuseReport report) {
        return "case=" + report.caseId + "; reporter=" + report.reporterType + "; url=" + report.contentUrl;
    }

    private static String dedupKey(String reporterKey, String contentUrl) {
        return reporterKey + "\n" + contentUrl;
    }

    public Evidence toEvidence() {
        return Evidence.of(contentUrl, evidenceSha256, excerpt, observedAt);
    }
}
