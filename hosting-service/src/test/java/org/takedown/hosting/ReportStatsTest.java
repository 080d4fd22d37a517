package org.takedown.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.REPORTER;
import static org.takedown.hosting.Api.as;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.takedown.hosting.service.ReportCountCompaction;

/** GET /stats counts reports from per-day counts; it must say exactly what counting the reports themselves says. */
@QuarkusTest
class ReportStatsTest {

    private static final List<String[]> WINDOWS = List.of(
            new String[] { "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z" },   // everything
            new String[] { "2019-03-03T00:00:00Z", "2019-03-08T00:00:00Z" },   // whole days
            new String[] { "2019-03-02T13:17:01.5Z", "2019-03-09T07:00:00.000001Z" }, // cut days at both ends
            new String[] { "2019-03-05T02:00:00Z", "2019-03-05T19:30:00Z" },   // inside one day
            new String[] { "1990-01-01T00:00:00Z", "1990-02-01T00:00:00Z" });  // nothing

    @Inject
    EntityManager em;

    @Inject
    ReportCountCompaction compaction;

    @Test
    void reportCountsAreExactlyTheCountOfTheReports() {
        String domain = Api.uniqueDomain("counts");
        Api.customer("Counts LLC", domain);
        as(REPORTER).body(Api.report("USER", "counts-1", "https://" + domain + "/p/1", "SPAM", Api.now().minusSeconds(60)))
                .post("/reports").then().statusCode(201);
        // reports written in plain SQL, as the benchmark does: 3,000 over ten days of 2019, five categories, three
        // kinds of reporter, starting mid-day so that days are cut by the windows
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into abuse_report (reporter_type, reporter_key, customer_id, case_id, resource, content_url,
                       excerpt, evidence_sha256, observed_at, category, received_at)
                select (array['USER','TRUSTED_FLAGGER','LAW_ENFORCEMENT'])[1 + n % 3], 'seed:' || n, r.customer_id,
                       r.case_id, r.resource, r.content_url || '/seed/' || n, r.excerpt, r.evidence_sha256,
                       r.observed_at,
                       (array['VIOLENCE_INCITEMENT','ILLEGAL_SPEECH','SCAMS_FRAUD','MALWARE','SPAM'])[1 + n % 5],
                       timestamptz '2019-03-01 09:41:00+00' + n * interval '287 seconds'
                  from (select * from abuse_report where content_url = ?1) r, generate_series(1, 3000) n
                """).setParameter(1, "https://" + domain + "/p/1").executeUpdate());
        assertSameAsCounting();

        // a change and a removal in SQL are counted too
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update abuse_report set category = 'MALWARE', received_at = received_at + interval '1 day'"
                    + " where reporter_key in ('seed:10', 'seed:11', 'seed:12')").executeUpdate();
            em.createNativeQuery("delete from abuse_report where reporter_key in ('seed:20', 'seed:21')").executeUpdate();
        });
        assertSameAsCounting();

        compaction.compact();
        assertSameAsCounting();
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from (select 1 from abuse_report_count group by day, category, reporter_type"
                        + " having count(*) > 1) k").getSingleResult()).longValue());
        assertEquals(0, rows, "after compaction each day, category and reporter type has one row");
    }

    private void assertSameAsCounting() {
        for (String[] window : WINDOWS) {
            Map<String, Object> reports = as(ADMIN).queryParam("from", window[0]).queryParam("to", window[1])
                    .get("/stats").then().statusCode(200).extract().path("reports");
            Map<String, Object> expected = counted(Instant.parse(window[0]), Instant.parse(window[1]));
            assertEquals(expected.toString(), new TreeMap<>(reports).toString(), "reports from " + window[0] + " to "
                    + window[1]);
        }
    }

    /** The straightforward count, in the shape of the response. */
    private Map<String, Object> counted(Instant from, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> result = new TreeMap<>();
            result.put("total", ((Number) em.createNativeQuery("select count(*) from abuse_report"
                    + " where received_at >= ?1 and received_at < ?2").setParameter(1, from).setParameter(2, to)
                    .getSingleResult()).intValue());
            result.put("byCategory", grouped("category", from, to));
            result.put("byOutcome", grouped("reporter_type", from, to));
            return result;
        });
    }

    private Map<String, Integer> grouped(String column, Instant from, Instant to) {
        Map<String, Integer> counts = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + column + ", count(*) from abuse_report"
                + " where received_at >= ?1 and received_at < ?2 group by 1").setParameter(1, from)
                .setParameter(2, to).getResultList();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
        return counts;
    }
}
