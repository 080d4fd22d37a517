package org.takedown.hosting.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * {@link #insertNew}'s statement. Its parameters are arrays, one element per report: the columns of the report,
     * the registered domains that would own its resource (comma-separated, closest first), whether its reporter raises
     * a case's priority, its audit entry's id and actor. A resource's owner and live case are looked up once per
     * resource, each by its index: {@code limit 1} and the scalar sub-selects keep the planner from joining the
     * customers or their domains by a scan, which grows with the customers and is what it chose otherwise.
     */
    private static final String FILE_NEW_REPORTS = "with input as (select * from unnest(?::text[], ?::text[],"
            + " ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],"
            + " ?::timestamptz[], ?::text[], ?::boolean[], ?::bigint[], ?::text[]) as i(reporter_type, reporter_key,"
            + " customer_id, case_id, resource, content_url, excerpt, evidence_sha256, observed_at, category,"
            + " received_at, domains, raises, audit_id, actor)),"
            + " live as (select r.resource, r.category, r.raises, l.customer_id, l.id from (select distinct resource,"
            + " domains, category, raises from input where case_id is null) r join lateral (select c.id as"
            + " customer_id, ac.id from customer c join abuse_case ac on ac.customer_id = c.id"
            + " and ac.policy_area = r.category and ac.state not in ('CLOSED', 'CURED')"
            + " and (not r.raises or ac.priority in ('HIGH', 'URGENT')) where c.status <> 'TERMINATED' and c.id ="
            + " coalesce((select h.customer_id from hosted_resource h where h.hostname = r.resource),"
            + " (select owner from (select (select d.customer_id from customer_domain d where d.domain = s.domain)"
            + " as owner, s.k from unnest(string_to_array(r.domains, ',')) with ordinality s(domain, k)) o"
            + " where owner is not null order by k limit 1)) limit 1) l on true),"
            + " filed as (select i.*, coalesce(i.customer_id, live.customer_id) as owner_id,"
            + " coalesce(i.case_id, live.id) as on_case from input i left join live on i.case_id is null"
            + " and live.resource = i.resource and live.category = i.category and live.raises = i.raises),"
            + " report as (insert into abuse_report (reporter_type, reporter_key, customer_id, case_id, resource,"
            + " content_url, excerpt, evidence_sha256, observed_at, category, received_at)"
            + " select reporter_type, reporter_key, owner_id, on_case, resource, content_url, excerpt,"
            + " evidence_sha256, observed_at, category, received_at from filed where on_case is not null"
            + " on conflict (reporter_key, content_url) do nothing returning id, reporter_key, content_url),"
            + " audited as (insert into audit_entry (id, at, actor, action, entity_type, entity_id, details)"
            + " select f.audit_id, f.received_at, f.actor, 'report.received', 'report', r.id::text,"
            + " 'case=' || f.on_case || '; reporter=' || f.reporter_type || '; url=' || f.content_url"
            + " from report r join filed f using (reporter_key, content_url))"
            + " select f.reporter_key, f.content_url, f.owner_id, f.on_case, r.id"
            + " from filed f left join report r using (reporter_key, content_url)";

    public static Optional<AbuseReport> findDuplicate(String reporterKey, String contentUrl) {
        return find("reporterKey = ?1 and contentUrl = ?2", reporterKey, contentUrl).firstResultOptional();
    }

    /**
     * Inserts the reports that are new in one statement, in the caller's transaction, and sets their ids. The
     * deduplication index decides (on conflict do nothing), so two equal reports in one list or in concurrent
     * transactions still give one row. The same statement writes each inserted report's {@code report.received}
     * audit entry, with the id at the report's index in {@code auditIds}, by the actor at that index: the reports and
     * their audit trail cost one round trip. One statement also means the count trigger runs once.
     * <p>
     * A report without a case is filed on the live case of its resource's owner (by hosted resource, else by the
     * closest registered domain), found by the same statement, when that case takes it as it is: not cured, and not
     * to be raised by this reporter. Such a report gets its customer and case set; one that stays without a case was
     * not inserted, and needs the case work that {@code ReportService} does. Returns, per report, whether it was
     * inserted; one with a case that was not is a duplicate (of a stored report, or of an earlier one in the list).
     */
    public static boolean[] insertNew(List<AbuseReport> reports, List<String> actors, long[] auditIds) {
        return getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> insertNew(connection, reports, actors, auditIds));
    }

    /**
     * {@link #insertNew(List, List, long[])} on a connection of the caller's: on one in autocommit mode the statement
     * is a transaction of its own, and its commit travels with it.
     */
    public static boolean[] insertNew(Connection connection, List<AbuseReport> reports, List<String> actors,
            long[] auditIds) throws SQLException {
        // the first of equal reports in the list is the one the statement files; the others share its case
        Map<String, Integer> firsts = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            firsts.putIfAbsent(dedupKey(reports.get(i).reporterKey, reports.get(i).contentUrl), i);
        }
        List<Integer> filed = List.copyOf(firsts.values());
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(FILE_NEW_REPORTS)) {
            List<AbuseReport> unique = filed.stream().map(reports::get).toList();
            List<Function<AbuseReport, Object>> columns = List.of(r -> r.reporterType.name(), r -> r.reporterKey,
                    r -> r.customerId, r -> r.caseId, r -> r.resource, r -> r.contentUrl, r -> r.excerpt,
                    r -> r.evidenceSha256, r -> r.observedAt.toString(), r -> r.category.name(),
                    r -> r.receivedAt.toString(),
                    r -> r.resource == null ? null : String.join(",", Customer.domainsOwning(r.resource)));
            int parameter = 1;
            for (Function<AbuseReport, Object> column : columns) {
                insert.setArray(parameter++, connection.createArrayOf("text", texts(unique, column)));
            }
            insert.setArray(parameter++, connection.createArrayOf("boolean",
                    unique.stream().map(r -> r.reporterType.raisesPriority()).toArray(Boolean[]::new)));
            insert.setArray(parameter++, connection.createArrayOf("bigint",
                    filed.stream().map(i -> auditIds[i]).toArray(Long[]::new)));
            insert.setArray(parameter, connection.createArrayOf("text",
                    filed.stream().map(actors::get).toArray(String[]::new)));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    AbuseReport report = reports.get(firsts.get(dedupKey(rows.getString(1), rows.getString(2))));
                    report.customerId = rows.getObject(3, Long.class);
                    report.caseId = rows.getObject(4, Long.class);
                    ids.put(dedupKey(report.reporterKey, report.contentUrl), rows.getObject(5, Long.class));
                }
            }
        }
        boolean[] inserted = new boolean[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            AbuseReport report = reports.get(i);
            String key = dedupKey(report.reporterKey, report.contentUrl);
            AbuseReport first = reports.get(firsts.get(key));
            report.customerId = first.customerId;
            report.caseId = first.caseId;
            // the first of equal reports takes the id; a null is what a conflict or a missing case leaves
            Long id = firsts.get(key) == i ? ids.get(key) : null;
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

    private static String dedupKey(String reporterKey, String contentUrl) {
        return reporterKey + "\n" + contentUrl;
    }

    public Evidence toEvidence() {
        return Evidence.of(contentUrl, evidenceSha256, excerpt, observedAt);
    }
}
