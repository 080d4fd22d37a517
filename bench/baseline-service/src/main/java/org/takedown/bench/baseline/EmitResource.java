package org.takedown.bench.baseline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The baseline of the outbox figure: what a service does without an outbox, {@code Emitter.send} after its commit,
 * without waiting. The caller of this endpoint only learns when the broker has accepted every message, so that the
 * rate is measured the same way as the relay's (broker acknowledgements per second).
 */
@Path("/emit")
@Produces(MediaType.APPLICATION_JSON)
public class EmitResource {

    public record Outcome(int sent, int failed, long elapsedMs, double perSecond) {
    }

    @Inject
    @Channel("bench-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    @POST
    public Outcome emit(@QueryParam("count") int count, @QueryParam("bytes") int bytes) throws InterruptedException {
        int n = Math.max(1, Math.min(count, 1_000_000));
        String body = "{\"bench\":\"" + "x".repeat(Math.max(0, Math.min(bytes, 1_000_000))) + "\"}";
        CompletableFuture<?>[] acks = new CompletableFuture<?>[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            // fire and forget: the loop never waits for the broker
            acks[i] = emitter.send(body).toCompletableFuture();
        }
        int failed = 0;
        try {
            CompletableFuture.allOf(acks).get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            for (CompletableFuture<?> ack : acks) {
                failed += ack.isDone() && !ack.isCompletedExceptionally() ? 0 : 1;
            }
        }
        long elapsedMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return new Outcome(n - failed, failed, elapsedMs, (n - failed) * 1000.0 / elapsedMs);
    }
}
