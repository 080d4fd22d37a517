package org.takedown.common.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The unsent events behind the {@code takedown.outbox.backlog} gauge, counted at most once per {@code maxAge}.
 * Counting on every scrape ran a query over the outbox each time: scraped every 40 ms (the benchmark's relay figure),
 * the scrapes made a fifth of aws' CPU samples, most of it that count, and competed with the relay for the database.
 */
final class OutboxBacklog {

    private final long maxAgeNanos;
    private final LongSupplier counter;
    private boolean counted;
    private long countedAt;
    private long count;

    OutboxBacklog(Duration maxAge, LongSupplier counter) {
        this.maxAgeNanos = maxAge.toNanos();
        this.counter = counter;
    }

    synchronized double read() {
        long now = System.nanoTime();
        if (!counted || now - countedAt >= maxAgeNanos) {
            count = counter.getAsLong();
            countedAt = now;
            counted = true;
        }
        return count;
    }
}
