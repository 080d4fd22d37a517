package org.takedown.common.inbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.takedown.common.config.TakedownConfig;
import org.takedown.common.event.EventCodec;

/**
 * Reads every event of the shared address from this instance's durable subscription and applies it in the
 * {@link InboxLanes lane} of its subject, a backlog in batches of one transaction each. A message is acknowledged
 * only once the transaction that applied it has committed. A poison message is recorded and rejected, which sends it
 * to the broker's dead-letter address; any other failure is nacked and redelivered
 * ({@code failure-strategy=modified-failed}), so a database outage loses nothing.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    InboxProcessor processor;

    @Inject
    EventCodec codec;

    @Inject
    TakedownConfig config;

    @Inject
    MeterRegistry registry;

    private InboxLanes<Delivery> lanes;

    /** A message taken from the broker, with its body as text. */
    private record Delivery(Message<?> message, String body) {
    }

    @PostConstruct
    void startLanes() {
        TakedownConfig.Inbox inbox = config.inbox();
        lanes = new InboxLanes<>(inbox.lanes(), inbox.maxInFlight(), inbox.maxBatch(), this::apply);
        registry.gauge("takedown.inbox.in.flight", lanes, InboxLanes::inFlight);
    }

    @PreDestroy
    void stopLanes() throws InterruptedException {
        lanes.stop();
    }

    /**
     * Hands the message to the lane of its subject; what it returns holds the next message back while the lanes are
     * full. The connector delivers the body as text or bytes, so the subject is read from the body itself: a message
     * without one (malformed, refused when applied) goes to the first lane.
     */
    @Incoming("events-in")
    public CompletionStage<Void> consume(Message<?> message) {
        String body = bodyOf(message.getPayload());
        String subject = body == null ? null : codec.subject(body).orElse(null);
        return lanes.submit(subject, new Delivery(message, body));
    }

    /**
     * Applies a lane's batch in one transaction and settles each message once it has committed. If a batch of several
     * fails, each of its events is applied again on its own, so that only the one that failed waits for redelivery.
     */
    private void apply(List<Delivery> batch) {
        if (batch.size() > 1) {
            try {
                settle(batch, processor.processAll(batch.stream().map(Delivery::body).toList()));
                return;
            } catch (RuntimeException e) {
                LOG.debugf("A batch of %d events failed, applying each on its own: %s", batch.size(), e.toString());
            }
        }
        batch.forEach(this::applyAlone);
    }

    private void applyAlone(Delivery delivery) {
        try {
            settle(List.of(delivery), processor.processAll(List.of(delivery.body())));
        } catch (RuntimeException e) {
            LOG.warnf("Event processing failed and will be redelivered: %s", e.toString());
            registry.counter("takedown.inbox.events", "outcome", "retry").increment();
            delivery.message().nack(e);
        }
    }

    /** Acknowledges each applied message and dead-letters each refused one, after the transaction committed. */
    private void settle(List<Delivery> batch, List<InboxProcessor.Result> results) {
        for (int i = 0; i < batch.size(); i++) {
            Delivery delivery = batch.get(i);
            InboxProcessor.Result result = results.get(i);
            if (result.refusal() == null) {
                registry.counter("takedown.inbox.events", "outcome", result.outcome().name().toLowerCase()).increment();
                delivery.message().ack();
            } else {
                deadLetter(delivery, result.refusal());
            }
        }
    }

    private void deadLetter(Delivery delivery, PoisonMessageException reason) {
        Message<?> message = delivery.message();
        try {
            processor.recordDeadLetter(delivery.body(), reason.getMessage());
        } catch (RuntimeException e) {
            // without its audit record a refusal would be silent: retry it later instead
            LOG.warnf("Could not record a dead letter, redelivering: %s", e.toString());
            message.nack(e);
            return;
        }
        LOG.warnf("Rejected an event to the dead-letter address: %s", reason.getMessage());
        registry.counter("takedown.inbox.events", "outcome", "dead_letter").increment();
        message.getMetadata(IncomingAmqpMetadata.class).ifPresentOrElse(amqp -> amqp.getMessage().rejected(),
                () -> message.nack(reason));
    }

    private static String bodyOf(Object payload) {
        if (payload == null) {
            return null;
        }
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof JsonObject json) {
            return json.encode();
        }
        if (payload instanceof JsonArray json) {
            return json.encode();
        }
        if (payload instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return payload.toString();
    }
}
