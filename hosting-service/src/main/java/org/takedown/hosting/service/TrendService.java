package org.takedown.hosting.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.Notice;

/**
 * The case's evidence over time: violating items observed per day (UTC), and for each notice how many were observed
 * before and after it, as daily rates, so "a significant increase, not a decrease" is a number, not an impression.
 */
@ApplicationScoped
public class TrendService {

    public enum Direction {
        INCREASE,
        DECREASE,
        UNCHANGED
    }

    public record Day(LocalDate date, long items) {
    }

    public record AroundNotice(Long noticeId, Instant issuedAt, long itemsBefore, long itemsAfter,
            double dailyRateBefore, double dailyRateAfter, Direction direction) {
    }

    public record Trend(List<Day> daily, List<AroundNotice> notices) {
    }

    @Inject
    TakedownClock clock;

    public Trend of(AbuseCase abuseCase) {
        List<Instant> observed = AbuseReport.getEntityManager()
                .createQuery("select r.observedAt from AbuseReport r where r.caseId = :id order by r.observedAt",
                        Instant.class)
                .setParameter("id", abuseCase.id).getResultList();
        List<Notice> notices = Notice.list("caseId = ?1 order by issuedAt", abuseCase.id);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        observed.forEach(at -> perDay.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1L, Long::sum));
        List<Day> daily = perDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();

        Instant start = observed.isEmpty() ? abuseCase.openedAt
                : observed.get(0).isBefore(abuseCase.openedAt) ? observed.get(0) : abuseCase.openedAt;
        Instant now = clock.now();
        List<AroundNotice> around = new java.util.ArrayList<>();
        for (int i = 0; i < notices.size(); i++) {
            Notice notice = notices.get(i);
            Instant windowStart = i == 0 ? start : notices.get(i - 1).issuedAt;
            Instant windowEnd = i + 1 < notices.size() ? notices.get(i + 1).issuedAt : latest(now, observed);
            long before = count(observed, windowStart, notice.issuedAt);
            long after = count(observed, notice.issuedAt, windowEnd.plusNanos(1));
            double rateBefore = before / days(windowStart, notice.issuedAt);
            double rateAfter = after / days(notice.issuedAt, windowEnd);
            Direction direction = rateAfter > rateBefore ? Direction.INCREASE
                    : rateAfter < rateBefore ? Direction.DECREASE : Direction.UNCHANGED;
            around.add(new AroundNotice(notice.id, notice.issuedAt, before, after, round(rateBefore),
                    round(rateAfter), direction));
        }
        return new Trend(daily, around);
    }

    /** Violating items observed after the notice was issued: what makes an expired notice escalate. */
    public static long observedSince(Long caseId, Instant since) {
        return AbuseReport.count("caseId = ?1 and observedAt >= ?2", caseId, since);
    }

    private static Instant latest(Instant now, List<Instant> observed) {
        Instant last = observed.isEmpty() ? now : observed.get(observed.size() - 1);
        return last.isAfter(now) ? last : now;
    }

    private static long count(List<Instant> observed, Instant from, Instant to) {
        return observed.stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
    }

    /** The window's length in days, at least one, so a burst within hours is not blown up into a huge rate. */
    private static double days(Instant from, Instant to) {
        return Math.max(1.0, Duration.between(from, to).toMinutes() / 1440.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
