package org.takedown.common.outbox;

/** Fired when a transaction wrote to the outbox; observed after commit to wake the relay. */
public record OutboxAppended(String eventId) {
}
