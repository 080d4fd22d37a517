package org.takedown.notification.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the wait doubles after each failed attempt, up to a ceiling, and a random part of it
 * is taken off so that deliveries that failed together do not all come back at once.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration after(int failedAttempts) {
        long ceiling = ceiling(failedAttempts).toMillis();
        long randomPart = (long) (ceiling * jitter * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(ceiling - randomPart);
    }

    /** The longest the wait can be after the given number of failed attempts. */
    public Duration ceiling(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
