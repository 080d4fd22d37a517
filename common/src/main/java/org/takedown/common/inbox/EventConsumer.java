package org.takedown.common.inbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.takedown.common.event.EventCodec;

/**
 * Reads every event of the shared address from this instance's durable subscription and applies it in the
 * {@link InboxLanes lane} of its subject. A message is acknowledged only once applied. A poison message is recorded
 * and rejected, which sends it to the broker's dead-letter address; any other failure is nacked and redelivered
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
    InboxLanes lanes;

    @Inject
    MeterRegistry registry;

    /**
     * Hands the message to the lane of its subject; what it returns holds the next message back while the lanes are
     * full. The connector delivers the body as text or bytes, so the subject is read from the body itself: a message
     * without one (malformed, refused when applied) goes to the first lane.
     */
    @Incoming("events-in")
    public CompletionStage<Void> consume(Message<?> message) {
        String body = bodyOf(message.getPayload());
        String subject = body == null ? null : codec.subject(body).orElse(null);
        return lanes.submit(subject, () -> apply(message, body));
    }

    private CompletionStage<Void> apply(Message<?> message, String body) {
        try {
            InboxProcessor.Outcome outcome = processor.process(body);
            registry.counter("takedown.inbox.events", "outcome", outcome.name().toLowerCase()).increment();
            return message.ack();
        } catch (PoisonMessageException e) {
            return deadLetter(message, body, e);
        } catch (RuntimeException e) {
            LOG.warnf("Event processing failed and will be redelivered: %s", e.toString());
            registry.counter("takedown.inbox.events", "outcome", "retry").increment();
            return message.nack(e);
        }
    }

    private CompletionStage<Void> deadLetter(Message<?> message, String body, PoisonMessageException reason) {
        try {
            processor.recordDeadLetter(body, reason.getMessage());
        } catch (RuntimeException e) {
            // without its audit record a refusal would be silent: retry it later instead
            LOG.warnf("Could not record a dead letter, redelivering: %s", e.toString());
            return message.nack(e);
        }
        LOG.warnf("Rejected an event to the dead-letter address: %s", reason.getMessage());
        registry.counter("takedown.inbox.events", "outcome", "dead_letter").increment();
        return message.getMetadata(IncomingAmqpMetadata.class)
                .map(amqp -> {
                    amqp.getMessage().rejected();
                    return (CompletionStage<Void>) CompletableFuture.<Void>completedFuture(null);
                })
                .orElseGet(() -> message.nack(reason));
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
