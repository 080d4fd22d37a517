package org.takedown.common.outbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.takedown.common.config.TakedownConfig;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EventPayload;
import org.takedown.common.signing.EventSigner;
import org.takedown.common.time.TakedownClock;

/**
 * The one way a service publishes: it signs the event and writes it to the outbox inside the caller's transaction.
 * Nothing reaches the broker unless that transaction commits, and nothing that commits is lost.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    EventCodec codec;

    @Inject
    EventSigner signer;

    @Inject
    TakedownConfig config;

    @Inject
    TakedownClock clock;

    @Inject
    Event<OutboxAppended> appended;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Returns the id of the event, which peers will see as its CloudEvents {@code id}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(EventPayload payload) {
        ObjectNode signed = signer.sign(codec.envelope(config.provider().id(), payload, clock.now()));
        OutboxEvent row = new OutboxEvent();
        row.eventId = signed.get("id").asText();
        row.type = signed.get("type").asText();
        row.subject = signed.get("subject").asText();
        row.envelope = codec.toJson(signed);
        row.createdAt = Instant.now();
        row.persist();
        // one wake-up of the relay per transaction, however many events it writes (a fan-out writes thousands)
        if (transaction.getResource(OutboxAppended.class) == null) {
            transaction.putResource(OutboxAppended.class, Boolean.TRUE);
            appended.fire(new OutboxAppended());
        }
        return row.eventId;
    }
}
