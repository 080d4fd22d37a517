package org.takedown.common.outbox;

/** Fired once by each transaction that writes to the outbox; observed after its commit to wake the relay. */
public record OutboxAppended() {
}
