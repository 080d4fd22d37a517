package org.takedown.hosting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Folds the rows of abuse_report_count (one per inserting statement and key) into one row per day, category and
 * reporter type, so that statistics read few rows however many reports came in. Deletes and re-inserts in one
 * statement: rows written meanwhile are not in its snapshot and stay for the next run, and two replicas folding at
 * once cannot count a row twice (the second finds the rows it wanted already gone).
 */
@ApplicationScoped
public class ReportCountCompaction {

    @Inject
    EntityManager em;

    @Scheduled(every = "${takedown.hosting.stats.compaction-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        compact();
    }

    /** Returns how many rows it wrote. */
    public int compact() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                with folded as (
                    delete from abuse_report_count c
                     using (select day, category, reporter_type from abuse_report_count
                             group by day, category, reporter_type having count(*) > 1) k
                     where c.day = k.day and c.category = k.category and c.reporter_type = k.reporter_type
                    returning c.day, c.category, c.reporter_type, c.reports)
                insert into abuse_report_count (day, category, reporter_type, reports)
                select day, category, reporter_type, sum(reports) from folded
                 group by day, category, reporter_type having sum(reports) <> 0
                """).executeUpdate());
    }
}
