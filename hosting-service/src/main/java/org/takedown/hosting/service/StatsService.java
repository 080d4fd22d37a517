package org.takedown.hosting.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

/** Counts in the spirit of a DSA transparency report (art. 15 and 24) over a time range. */
@ApplicationScoped
public class StatsService {

    public record Counts(long total, Map<String, Long> byCategory, Map<String, Long> byOutcome) {
    }

    public record TimeToDecision(long decisions, Double averageHours, Double medianHours) {
    }

    public record Stats(Instant from, Instant to, Counts reports, Counts notices, Counts decisions, Counts appeals,
            Counts rulings, long automatedDecisions, TimeToDecision reportToDecision) {
    }

    @Inject
    EntityManager em;

    public Stats between(Instant from, Instant to) {
        List<Object[]> decisionRows = grouped("decision", "decided_at", "category", "action",
                "count(*) filter (where automated_decision)", from, to);
        return new Stats(from, to, reports(from, to), fold(grouped("notice", "issued_at", "category", "state", from, to)),
                fold(decisionRows), appeals(from, to), fold(grouped("ruling", "recorded_at", "kind", "outcome", from, to)),
                automatedDecisions(decisionRows), timeToDecision(from, to));
    }

    /** Appeals by the category of the decision appealed, and by outcome (PENDING, UPHELD, REVERSED). */
    private Counts appeals(Instant from, Instant to) {
        return fold(grouped("appeal a join decision d on d.id = a.decision_id", "a.filed_at", "d.category", "a.state",
                from, to));
    }

    private List<Object[]> grouped(String table, String timeColumn, String category, String outcome, Instant from,
            Instant to) {
        return grouped(table, timeColumn, category, outcome, "0", from, to);
    }

    /**
     * One scan of a table for its total, its counts by category and by outcome, and one extra aggregate of the whole
     * range: rows of (grouping(category), grouping(outcome), category, outcome, count, extra). The names are this
     * class' constants, never input.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> grouped(String table, String timeColumn, String category, String outcome, String extra,
            Instant from, Instant to) {
        return em.createNativeQuery("select grouping(" + category + "), grouping(" + outcome + "), " + category + ", "
                + outcome + ", count(*), " + extra + " from " + table + " where " + timeColumn + " >= ?1 and "
                + timeColumn + " < ?2 group by grouping sets ((" + category + "), (" + outcome + "), ())")
                .setParameter(1, from).setParameter(2, to).getResultList();
    }

    /** The grouping-sets rows of {@link #grouped} (or of the report counts) as totals by category and by outcome. */
    private static Counts fold(List<Object[]> rows) {
        long total = 0;
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        for (Object[] row : rows) {
            long count = ((Number) row[4]).longValue();
            if (((Number) row[0]).intValue() == 0) {
                byCategory.put(String.valueOf(row[2]), count);
            } else if (((Number) row[1]).intValue() == 0) {
                byOutcome.put(String.valueOf(row[3]), count);
            } else {
                total = count;
            }
        }
        return new Counts(total, byCategory, byOutcome);
    }

    private static long automatedDecisions(List<Object[]> decisionRows) {
        return decisionRows.stream().filter(row -> ((Number) row[0]).intValue() == 1 && ((Number) row[1]).intValue() == 1)
                .mapToLong(row -> ((Number) row[5]).longValue()).findFirst().orElse(0);
    }

    /**
     * Reports by category and by reporter type, from the per-day counts (abuse_report_count, kept by triggers): the
     * days the range covers, less the reports of its first and last day that fall outside it. One statement, so one
     * snapshot; the same answer as counting the reports themselves.
     */
    @SuppressWarnings("unchecked")
    private Counts reports(Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("""
                with range as (
                    select cast(?1 as timestamptz) as f, cast(?2 as timestamptz) as t,
                           cast(cast(?1 as timestamptz) at time zone 'UTC' as date) as first_day,
                           cast((cast(?2 as timestamptz) - interval '1 microsecond') at time zone 'UTC' as date)
                               as last_day),
                counted as (
                    select c.category, c.reporter_type, c.reports from abuse_report_count c, range d
                     where c.day between d.first_day and d.last_day
                    union all
                    select r.category, r.reporter_type, -count(*) from abuse_report r, range d
                     where (r.received_at >= cast(d.first_day as timestamp) at time zone 'UTC' and r.received_at < d.f)
                        or (r.received_at >= d.t
                            and r.received_at < cast(d.last_day + 1 as timestamp) at time zone 'UTC')
                     group by 1, 2)
                select grouping(category), grouping(reporter_type), category, reporter_type, sum(reports)
                  from counted group by grouping sets ((category), (reporter_type), ()) having sum(reports) <> 0
                """).setParameter(1, from).setParameter(2, to).getResultList();
        return fold(rows);
    }

    /** From the first report on a case to the first decision taken on it. */
    private TimeToDecision timeToDecision(Instant from, Instant to) {
        // the first report of each case is one probe of the (case_id, received_at) index
        List<Object[]> rows = em.createQuery("select (select min(r.receivedAt) from AbuseReport r where r.caseId = d.caseId),"
                + " min(d.decidedAt) from Decision d where d.decidedAt >= :from and d.decidedAt < :to"
                + " and d.caseId is not null group by d.caseId", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<Double> hours = rows.stream().filter(row -> row[0] != null)
                .map(row -> Duration.between((Instant) row[0], (Instant) row[1]).toMinutes() / 60.0)
                .sorted().toList();
        if (hours.isEmpty()) {
            return new TimeToDecision(0, null, null);
        }
        double average = hours.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double median = hours.size() % 2 == 1 ? hours.get(hours.size() / 2)
                : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2;
        return new TimeToDecision(hours.size(), round(average), round(median));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
