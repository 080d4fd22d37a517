package org.takedown.appstore.service;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.takedown.common.time.ClockAdvanced;

/** Runs the deadline sweep on the wall clock and whenever an admin moves the controllable clock. */
@ApplicationScoped
public class DeadlineTriggers {

    private static final Logger LOG = Logger.getLogger(DeadlineTriggers.class);

    @Inject
    DeadlineSweep sweep;

    @Scheduled(every = "${takedown.store.sweep-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    void onClockAdvanced(@Observes ClockAdvanced advanced) {
        run();
    }

    /** A sweep that lost a race with a reviewer (stale version) simply runs again: its work is idempotent. */
    private void run() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                int escalated = sweep.sweep();
                if (escalated > 0) {
                    LOG.infof("Escalated %d overdue review case(s)", escalated);
                }
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Deadline sweep attempt %d failed: %s", attempt, e.toString());
            }
        }
    }
}
