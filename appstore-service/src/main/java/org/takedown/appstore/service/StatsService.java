package org.takedown.appstore.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.hibernate.orm.panache.Panache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A transparency report over a time range: what came in, what the store decided, and how fast. */
@ApplicationScoped
public class StatsService {

    public record Stats(Instant from, Instant to, Reports reports, Signals peerSignals, Cases reviewCases,
            Decisions decisions, Appeals appeals, Rulings rulings) {
    }

    public record Reports(long total, Map<String, Long> byCategory, Map<String, Long> bySource) {
    }

    public record Signals(long total, Map<String, Long> byOutcome, Map<String, Long> byPeer) {
    }

    public record Cases(long opened, Map<String, Long> openedByTrigger, long concluded, long escalated,
            Map<String, Long> peerOpinions) {
    }

    public record Decisions(long total, Map<String, Long> byAction, Map<String, Long> byCategory, long published,
            long reliedOnPeerOnly, long basedOnPeerDecision, Map<String, Long> reversedByReason,
            Double medianHoursFromCaseOpenToDecision, Double meanHoursFromCaseOpenToDecision) {
    }

    public record Appeals(long filed, Map<String, Long> decidedByOutcome) {
    }

    public record Rulings(long recorded, long orderingReinstatement, long complied) {
    }

    @Transactional
    public Stats compute(Instant from, Instant to) {
        Reports reports = new Reports(count("select count(r) from Report r where r.receivedAt >= ?1 and r.receivedAt < ?2", from, to),
                grouped("select r.category, count(r) from Report r where r.receivedAt >= ?1 and r.receivedAt < ?2 group by r.category", from, to),
                grouped("select r.source, count(r) from Report r where r.receivedAt >= ?1 and r.receivedAt < ?2 group by r.source", from, to));
        Signals signals = new Signals(count("select count(s) from PeerSignal s where s.receivedAt >= ?1 and s.receivedAt < ?2", from, to),
                grouped("select s.outcome, count(s) from PeerSignal s where s.receivedAt >= ?1 and s.receivedAt < ?2 group by s.outcome", from, to),
                grouped("select s.peerProvider, count(s) from PeerSignal s where s.receivedAt >= ?1 and s.receivedAt < ?2 group by s.peerProvider", from, to));
        Cases cases = new Cases(count("select count(c) from ReviewCase c where c.openedAt >= ?1 and c.openedAt < ?2", from, to),
                grouped("select c.trigger, count(c) from ReviewCase c where c.openedAt >= ?1 and c.openedAt < ?2 group by c.trigger", from, to),
                count("select count(c) from ReviewCase c where c.concludedAt >= ?1 and c.concludedAt < ?2", from, to),
                count("select count(c) from ReviewCase c where c.escalatedAt >= ?1 and c.escalatedAt < ?2", from, to),
                grouped("select c.peerOpinion, count(c) from ReviewCase c where c.peerOpinion is not null and c.concludedAt >= ?1 and c.concludedAt < ?2 group by c.peerOpinion", from, to));
        List<Object[]> durations = Panache.getEntityManager().createQuery(
                "select d.decidedAt, c.openedAt from StoreDecision d join d.reviewCase c where d.decidedAt >= ?1 and d.decidedAt < ?2",
                Object[].class).setParameter(1, from).setParameter(2, to).getResultList();
        List<Double> hours = durations.stream()
                .map(row -> Duration.between((Instant) row[1], (Instant) row[0]).toSeconds() / 3600.0).sorted().toList();
        Decisions decisions = new Decisions(count("select count(d) from StoreDecision d where d.decidedAt >= ?1 and d.decidedAt < ?2", from, to),
                grouped("select d.action, count(d) from StoreDecision d where d.decidedAt >= ?1 and d.decidedAt < ?2 group by d.action", from, to),
                grouped("select d.category, count(d) from StoreDecision d where d.category is not null and d.decidedAt >= ?1 and d.decidedAt < ?2 group by d.category", from, to),
                count("select count(d) from StoreDecision d where d.published = true and d.decidedAt >= ?1 and d.decidedAt < ?2", from, to),
                count("select count(d) from StoreDecision d where d.reliedOnPeerOnly = true and d.decidedAt >= ?1 and d.decidedAt < ?2", from, to),
                count("select count(distinct d) from StoreDecision d join d.basedOn b where d.decidedAt >= ?1 and d.decidedAt < ?2", from, to),
                grouped("select d.reversalReason, count(d) from StoreDecision d where d.reversedAt >= ?1 and d.reversedAt < ?2 group by d.reversalReason", from, to),
                hours.isEmpty() ? null : round(median(hours)),
                hours.isEmpty() ? null : round(hours.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        Appeals appeals = new Appeals(count("select count(a) from Appeal a where a.filedAt >= ?1 and a.filedAt < ?2", from, to),
                grouped("select a.state, count(a) from Appeal a where a.decidedAt >= ?1 and a.decidedAt < ?2 group by a.state", from, to));
        Rulings rulings = new Rulings(count("select count(r) from Ruling r where r.recordedAt >= ?1 and r.recordedAt < ?2", from, to),
                count("select count(r) from Ruling r where r.ordersReinstatement = true and r.recordedAt >= ?1 and r.recordedAt < ?2", from, to),
                count("select count(r) from Ruling r where r.complied = true and r.recordedAt >= ?1 and r.recordedAt < ?2", from, to));
        return new Stats(from, to, reports, signals, cases, decisions, appeals, rulings);
    }

    private static long count(String hql, Instant from, Instant to) {
        return Panache.getEntityManager().createQuery(hql, Long.class).setParameter(1, from).setParameter(2, to)
                .getSingleResult();
    }

    private static Map<String, Long> grouped(String hql, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        Panache.getEntityManager().createQuery(hql, Object[].class).setParameter(1, from).setParameter(2, to)
                .getResultList().forEach(row -> counts.put(String.valueOf(row[0]), (Long) row[1]));
        return counts;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
