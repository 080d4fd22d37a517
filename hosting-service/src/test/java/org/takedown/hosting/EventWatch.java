package org.takedown.hosting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.takedown.common.event.EventCodec;
import org.takedown.common.outbox.OutboxEvent;
import org.takedown.testkit.BrokerResource;

/**
 * A fresh subscription on the event address that only sees what is published after it was opened.
 * {@code LocalBroker.receive} takes every message the broker pushes to its short-lived receiver but returns only the
 * first, so a watch is opened right before the action it observes and expects that action's event first.
 */
final class EventWatch {

    private final String queue;
    private final EventCodec codec;

    private EventWatch(String queue, EventCodec codec) {
        this.queue = queue;
        this.codec = codec;
    }

    /** Waits until everything already committed has left the outbox, then subscribes. */
    static EventWatch open(EventCodec codec) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(OutboxEvent::countUnsent) == 0);
        String queue = "hosting-watch-" + UUID.randomUUID();
        BrokerResource.broker().subscribe(queue);
        return new EventWatch(queue, codec);
    }

    /** The next event published, which must match. */
    ObjectNode next(Predicate<ObjectNode> expected) throws Exception {
        String body = BrokerResource.broker().receive(queue, Duration.ofSeconds(20));
        assertNotNull(body, "an event reached the broker");
        ObjectNode tree = codec.parse(body);
        if (!expected.test(tree)) {
            throw new AssertionError("unexpected event " + body);
        }
        return tree;
    }

    /** Every event published until {@code count} have arrived or 20 s have passed, in the order they arrived. */
    List<ObjectNode> next(int count) throws Exception {
        List<ObjectNode> events = new java.util.ArrayList<>();
        for (String body : BrokerResource.broker().receiveAll(queue, count, Duration.ofSeconds(20))) {
            events.add(codec.parse(body));
        }
        return events;
    }
}
