package org.takedown.bench.baseline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The baseline of the outbox figure: what a service does without an outbox, {@code Emitter.send} after its commit,
 * without waiting. It sends the messages it is given (one per line: signed envelopes, so that the suite's consumers
 * do the same work as for the relay's) and answers once the broker has accepted them all, so that the rate is
 * measured the same way as the relay's: broker acknowledgements per second.
 */
@Path("/emit")
@Consumes(MediaType.TEXT_PLAIN)
@Produces(MediaType.APPLICATION_JSON)
public class EmitResource {

    public record Outcome(int sent, int failed, long elapsedMs, double perSecond) {
    }

    @Inject
    @Channel("bench-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    /**
     * {@code source} is the provider the envelopes claim to come from: each message carries it in the application
     * property that the relay sets too ({@code cloudEvents_source}), so that the broker routes it to the same
     * subscriptions as the relay's events.
     */
    @POST
    public Outcome emit(@QueryParam("source") String source, String lines) throws InterruptedException {
        List<String> messages = lines.lines().filter(line -> !line.isBlank()).toList();
        Metadata metadata = source == null ? Metadata.empty()
                : Metadata.of(OutgoingAmqpMetadata.builder().withApplicationProperty("cloudEvents_source", source).build());
        CompletableFuture<?>[] acks = new CompletableFuture<?>[messages.size()];
        long start = System.nanoTime();
        for (int i = 0; i < acks.length; i++) {
            // fire and forget: the loop never waits for the broker
            CompletableFuture<Void> ack = new CompletableFuture<>();
            emitter.send(Message.of(messages.get(i), metadata, () -> {
                ack.complete(null);
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                ack.completeExceptionally(reason);
                return CompletableFuture.completedFuture(null);
            }));
            acks[i] = ack;
        }
        try {
            CompletableFuture.allOf(acks).get(120, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // counted below
        }
        int failed = 0;
        for (CompletableFuture<?> ack : acks) {
            failed += ack.isDone() && !ack.isCompletedExceptionally() ? 0 : 1;
        }
        long elapsedMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return new Outcome(acks.length - failed, failed, elapsedMs, (acks.length - failed) * 1000.0 / elapsedMs);
    }
}
