package org.takedown.common.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.takedown.common.config.TakedownConfig;

/**
 * Moves committed outbox rows to the broker. It wakes when a commit wrote to the outbox, and {@link OutboxPoller}
 * wakes it regularly as the fallback. Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work
 * without sending a row twice, and a row is marked sent only after the broker accepted it.
 * <p>
 * Batches are pipelined: while one batch waits for the broker's acknowledgements, another worker already claims and
 * sends the following rows (the lock skips the rows still held). Like the broker itself, the relay does not promise
 * an order across events; consumers apply events about one subject in the order they receive them (InboxLanes).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CONTENT_TYPE = "application/cloudevents+json";

    /** Unbounded because the relay itself bounds what is in flight: one batch per worker, which it waits for. */
    @Inject
    @Channel("events-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> emitter;

    @Inject
    TakedownConfig config;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private ExecutorService workers;
    private Counter sent;
    private Counter failed;

    @PostConstruct
    void init() {
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.outbox().pipelineDepth(),
                r -> new Thread(r, "outbox-relay-" + number.incrementAndGet()));
        sent = registry.counter("takedown.outbox.sent");
        failed = registry.counter("takedown.outbox.send.failures");
        registry.gauge("takedown.outbox.backlog", this, relay -> QuarkusTransaction.requiringNew()
                .call(OutboxEvent::countUnsent));
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wake();
    }

    /** Asks for one drain; wake-ups that arrive while one is queued are coalesced into it. */
    public void wake() {
        if (wakeRequested.compareAndSet(false, true)) {
            workers.execute(this::drain);
        }
    }

    private void drain() {
        wakeRequested.set(false);
        try {
            while (relayBatch()) {
                // a full batch that all went out means more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay pass failed, the next pass retries: %s", e.getMessage());
        }
    }

    /**
     * Sends one batch in its own transaction, holding the rows' locks until the broker has answered for each; true
     * if it was full and every row went out. A full batch wakes another worker as soon as it has been handed to the
     * broker, so that the next batch is claimed while this one waits for its acknowledgements.
     */
    private boolean relayBatch() {
        int batchSize = config.outbox().batchSize();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent.Pending> rows = OutboxEvent.lockUnsent(batchSize);
            // sent with the transaction suspended: the broker's callbacks run on the event loop, and a transaction
            // propagated to them would still be active on that thread when this one commits
            List<CompletableFuture<Throwable>> sends = QuarkusTransaction.suspendingExisting().call(() -> rows.stream()
                    .map(row -> send(row).subscribeAsCompletionStage()).toList());
            if (rows.isEmpty()) {
                return false;
            }
            if (rows.size() == batchSize) {
                wake();
            }
            List<Long> accepted = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Throwable error = sends.get(i).join();
                if (error == null) {
                    accepted.add(rows.get(i).seq());
                } else {
                    OutboxEvent.markFailed(rows.get(i).seq(), error.getMessage());
                }
            }
            OutboxEvent.markSent(accepted, Instant.now());
            sent.increment(accepted.size());
            failed.increment(rows.size() - accepted.size());
            return accepted.size() == batchSize;
        });
    }

    /** Completes with null once the broker accepted the event, or with the reason it did not. */
    private Uni<Throwable> send(OutboxEvent.Pending row) {
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withMessageId(row.eventId())
                .withSubject(row.type())
                .withContentType(CONTENT_TYPE)
                .withDurable(true)
                .build();
        return emitter.sendMessage(Message.of(row.envelope()).addMetadata(metadata))
                .ifNoItem().after(config.outbox().sendTimeout()).fail()
                .onItem().transform(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(error -> error);
    }
}
