package org.takedown.common.time;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.takedown.common.config.TakedownConfig;
import org.takedown.common.config.TakedownConfig.ClockMode;
import org.takedown.common.rest.ProblemException;

/** The controllable clock is a real option, refused in production unless explicitly allowed. */
class TakedownClockTest {

    @Test
    void aControllableClockIsRefusedInProductionUnlessAllowed() {
        // outside a Quarkus test the launch mode is NORMAL, i.e. production
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> clock(ClockMode.CONTROLLABLE, false).checkMode());
        assertTrue(refused.getMessage().contains("allow-controllable-in-production"), refused.getMessage());

        assertDoesNotThrow(() -> clock(ClockMode.CONTROLLABLE, true).checkMode());
        assertDoesNotThrow(() -> clock(ClockMode.SYSTEM, false).checkMode());
    }

    @Test
    void theSystemClockCannotBeMoved() {
        TakedownClock system = clock(ClockMode.SYSTEM, false);
        assertThrows(ProblemException.class, () -> system.advance(Duration.ofHours(1)));
    }

    @Test
    void aControllableClockOnlyMovesForward() {
        TakedownClock clock = clock(ClockMode.CONTROLLABLE, true);
        Instant before = clock.now();

        Instant after = clock.advance(Duration.ofDays(14));

        assertTrue(!after.isBefore(before.plus(Duration.ofDays(14))), "moved two weeks ahead");
        assertThrows(ProblemException.class, () -> clock.advance(Duration.ofHours(-1)));
    }

    static TakedownClock clock(ClockMode mode, boolean allowInProduction) {
        TakedownConfig.ClockSettings settings = (TakedownConfig.ClockSettings) Proxy.newProxyInstance(
                TakedownClockTest.class.getClassLoader(), new Class<?>[] { TakedownConfig.ClockSettings.class },
                (proxy, method, args) -> method.getName().equals("mode") ? mode : allowInProduction);
        TakedownConfig config = (TakedownConfig) Proxy.newProxyInstance(TakedownClockTest.class.getClassLoader(),
                new Class<?>[] { TakedownConfig.class }, (proxy, method, args) -> settings);
        TakedownClock clock = new TakedownClock();
        clock.config = config;
        @SuppressWarnings("unchecked")
        jakarta.enterprise.event.Event<ClockAdvanced> noObservers = (jakarta.enterprise.event.Event<ClockAdvanced>) Proxy
                .newProxyInstance(TakedownClockTest.class.getClassLoader(),
                        new Class<?>[] { jakarta.enterprise.event.Event.class }, (proxy, method, args) -> null);
        clock.advanced = noObservers;
        return clock;
    }
}
