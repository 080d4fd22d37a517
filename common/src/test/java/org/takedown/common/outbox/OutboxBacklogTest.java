package org.takedown.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The backlog gauge counts the outbox at most once per maximum age, however often it is scraped. */
class OutboxBacklogTest {

    private final AtomicLong counts = new AtomicLong();
    private final AtomicLong unsent = new AtomicLong(7);

    private long count() {
        counts.incrementAndGet();
        return unsent.get();
    }

    @Test
    void scrapesWithinTheMaximumAgeReadTheLastCount() {
        OutboxBacklog backlog = new OutboxBacklog(Duration.ofHours(1), this::count);

        assertEquals(7.0, backlog.read());
        unsent.set(3);
        assertEquals(7.0, backlog.read());
        assertEquals(7.0, backlog.read());
        assertEquals(1, counts.get());
    }

    @Test
    void aCountOlderThanTheMaximumAgeIsTakenAgain() {
        OutboxBacklog backlog = new OutboxBacklog(Duration.ZERO, this::count);

        assertEquals(7.0, backlog.read());
        unsent.set(3);
        assertEquals(3.0, backlog.read());
        assertEquals(2, counts.get());
    }
}
