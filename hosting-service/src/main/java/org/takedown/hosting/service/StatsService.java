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
        Counts reports = counts("AbuseReport", "receivedAt", "category", "reporterType", from, to);
        Counts notices = counts("Notice", "issuedAt", "category", "state", from, to);
        Counts decisions = counts("Decision", "decidedAt", "category", "action", from, to);
        Counts appeals = appeals(from, to);
        Counts rulings = counts("Ruling", "recordedAt", "kind", "outcome", from, to);
        long automated = em.createQuery("select count(d) from Decision d where d.decidedAt >= :from and d.decidedAt < :to"
                + " and d.automatedDecision = true", Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        return new Stats(from, to, reports, notices, decisions, appeals, rulings, automated, timeToDecision(from, to));
    }

    private Counts counts(String entity, String timeField, String categoryField, String outcomeField, Instant from,
            Instant to) {
        String range = " from " + entity + " e where e." + timeField + " >= :from and e." + timeField + " < :to";
        long total = em.createQuery("select count(e)" + range, Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        return new Counts(total, grouped(categoryField, range, from, to), grouped(outcomeField, range, from, to));
    }

    private Map<String, Long> grouped(String field, String range, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        em.createQuery("select e." + field + ", count(e)" + range + " group by e." + field, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(row -> counts.put(String.valueOf(row[0]), (Long) row[1]));
        return counts;
    }

    /** Appeals by the category of the decision appealed, and by outcome (PENDING, UPHELD, REVERSED). */
    private Counts appeals(Instant from, Instant to) {
        List<Object[]> rows = em.createQuery("select d.category, a.state from Appeal a, Decision d"
                + " where d.id = a.decisionRowId and a.filedAt >= :from and a.filedAt < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        rows.forEach(row -> {
            byCategory.merge(String.valueOf(row[0]), 1L, Long::sum);
            byOutcome.merge(String.valueOf(row[1]), 1L, Long::sum);
        });
        return new Counts(rows.size(), byCategory, byOutcome);
    }

    /** From the first report on a case to the first decision taken on it. */
    private TimeToDecision timeToDecision(Instant from, Instant to) {
        List<Object[]> rows = em.createQuery("select min(r.receivedAt), min(d.decidedAt) from Decision d, AbuseReport r"
                + " where r.caseId = d.caseId and d.decidedAt >= :from and d.decidedAt < :to group by d.caseId",
                Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<Double> hours = rows.stream()
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
