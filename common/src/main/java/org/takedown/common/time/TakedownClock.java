package org.takedown.common.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.takedown.common.config.TakedownConfig;
import org.takedown.common.config.TakedownConfig.ClockMode;
import org.takedown.common.rest.ProblemException;

/**
 * The time every deadline, timer and timestamp of the domain uses. In {@code controllable} mode an admin can move it
 * forward, so that weeks of a case replay in seconds with the real schedulers; that mode is refused in production
 * unless explicitly allowed.
 */
@Startup
@ApplicationScoped
public class TakedownClock {

    private static final Logger LOG = Logger.getLogger(TakedownClock.class);

    @Inject
    TakedownConfig config;

    @Inject
    Event<ClockAdvanced> advanced;

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @PostConstruct
    void checkMode() {
        if (isControllable()) {
            if (LaunchMode.current() == LaunchMode.NORMAL && !config.clock().allowControllableInProduction()) {
                throw new IllegalStateException("takedown.clock.mode=controllable is refused in production; set "
                        + "takedown.clock.allow-controllable-in-production=true to replay scenarios on purpose");
            }
            LOG.warn("The clock is controllable: admins can move this service's time forward");
        }
    }

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public boolean isControllable() {
        return config.clock().mode() == ClockMode.CONTROLLABLE;
    }

    /** Moves time forward and lets every deadline sweep run at once against the new time. */
    public Instant advance(Duration by) {
        if (!isControllable()) {
            throw ProblemException.conflict("The clock is not controllable (takedown.clock.mode=system)");
        }
        if (by.isNegative()) {
            throw ProblemException.invalid("duration", "time only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
        Instant now = now();
        advanced.fire(new ClockAdvanced(now));
        return now;
    }
}
