package org.takedown.hosting.service;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.takedown.common.time.ClockAdvanced;
import org.takedown.common.time.TakedownClock;

/** Enforces cure deadlines on the wall clock, and at once whenever an admin moves the controllable clock. */
@ApplicationScoped
public class DeadlineSweep {

    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class);

    @Inject
    NoticeService notices;

    @Inject
    TakedownClock clock;

    @Scheduled(every = "${takedown.hosting.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sweep();
    }

    void onClockAdvanced(@Observes ClockAdvanced advanced) {
        sweep();
    }

    synchronized void sweep() {
        int expired = notices.expireDue(clock.now());
        if (expired > 0) {
            LOG.infof("Expired %d notice(s) past their cure deadline", expired);
        }
    }
}
