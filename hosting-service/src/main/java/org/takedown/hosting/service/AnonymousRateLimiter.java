package org.takedown.hosting.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.rest.ProblemException;
import org.takedown.hosting.config.HostingConfig;

/**
 * A fixed-window limit per network address for reports sent without a token. It counts on the wall clock (abuse of
 * the endpoint happens in real time, not in the domain's time) and per instance: replicas each allow the limit.
 */
@ApplicationScoped
public class AnonymousRateLimiter {

    private record Window(long startNanos, int count) {
    }

    @Inject
    HostingConfig config;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts one request from {@code address}, refusing it with 429 when the window's allowance is spent. */
    public void acquire(String address) {
        long now = System.nanoTime();
        long windowNanos = config.anonymousReports().window().toNanos();
        Window window = windows.compute(address, (key, current) -> current == null
                || now - current.startNanos() >= windowNanos ? new Window(now, 1)
                        : new Window(current.startNanos(), current.count() + 1));
        if (window.count() > config.anonymousReports().limit()) {
            long retryAfter = Duration.ofNanos(windowNanos - (now - window.startNanos())).toSeconds() + 1;
            throw new ProblemException(429, "Too Many Requests", "Anonymous reports from this address are limited to "
                    + config.anonymousReports().limit() + " per " + config.anonymousReports().window()
                    + "; retry in " + retryAfter + " s or report with a reporter token", List.of());
        }
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().startNanos() >= windowNanos);
        }
    }
}
