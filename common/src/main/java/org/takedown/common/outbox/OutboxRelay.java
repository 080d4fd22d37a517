package org.takedown.common.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.takedown.common.config.TakedownConfig;

/**
 * Moves committed outbox rows to the broker. It wakes when a commit wrote to the outbox, and {@link OutboxPoller}
 * wakes it regularly as the fallback. Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work
 * without sending a row twice. The transaction that takes a batch out of the outbox commits only once the broker has
 * answered for each event, and puts back the ones it did not accept.
 * <p>
 * Batches are pipelined: while one batch waits for the broker's acknowledgements, another worker already claims and
 * sends the following rows (the lock skips the rows still held). Like the broker itself, the relay does not promise
 * an order across events; consumers apply events about one subject in the order they receive them (InboxLanes).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CONTENT_TYPE = "application/cloudevents+json";
    /**
     * The event's CloudEvents source and type as AMQP application properties (the binding's {@code cloudEvents_}
     * prefix), so that each subscription's selector can leave on the broker what its service would only drop: its own
     * provider's events and the types it does not consume (SubscriptionSelector). Routing only: receivers verify the
     * signed envelope.
     */
    public static final String SOURCE_PROPERTY = "cloudEvents_source";
    public static final String TYPE_PROPERTY = "cloudEvents_type";

    /** Unbounded because the relay itself bounds what is in flight: one batch per worker, which it waits for. */
    @Inject
    @Channel("events-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    @Inject
    TakedownConfig config;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private ExecutorService workers;
    private Counter sent;
    private Counter failed;
    /** Held here because the registry only keeps a weak reference to a gauge's object. */
    private OutboxBacklog backlog;

    @PostConstruct
    void init() {
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.outbox().pipelineDepth(),
                r -> new Thread(r, "outbox-relay-" + number.incrementAndGet()));
        sent = registry.counter("takedown.outbox.sent");
        failed = registry.counter("takedown.outbox.send.failures");
        // at most one poll interval old: the relay itself is only that prompt when no commit wakes it
        backlog = registry.gauge("takedown.outbox.backlog", new OutboxBacklog(config.outbox().pollInterval(),
                () -> QuarkusTransaction.requiringNew().call(OutboxEvent::countUnsent)), OutboxBacklog::read);
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
     * Sends one batch in its own transaction, which takes the rows out of the outbox and commits only once the broker
     * has answered for each; true if it was full and every row went out. A full batch wakes another worker as soon as
     * it has been handed to the broker, so that the next batch is taken while this one waits for its
     * acknowledgements.
     */
    private boolean relayBatch() {
        int batchSize = config.outbox().batchSize();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent.Pending> rows = OutboxEvent.take(batchSize);
            // sent with the transaction suspended: the broker's callbacks run on the event loop, and a transaction
            // propagated to them would still be active on that thread when this one commits
            List<CompletableFuture<Throwable>> sends = QuarkusTransaction.suspendingExisting().call(() -> rows.stream()
                    .map(this::send).toList());
            if (rows.isEmpty()) {
                return false;
            }
            if (rows.size() == batchSize) {
                wake();
            }
            awaitBroker(sends);
            int refused = 0;
            for (int i = 0; i < rows.size(); i++) {
                CompletableFuture<Throwable> send = sends.get(i);
                if (!send.isDone()) {
                    OutboxEvent.putBack(rows.get(i), "the broker did not answer in time");
                    refused++;
                } else if (send.join() != null) {
                    OutboxEvent.putBack(rows.get(i), send.join().getMessage());
                    refused++;
                }
            }
            sent.increment(rows.size() - refused);
            failed.increment(refused);
            return refused == 0 && rows.size() == batchSize;
        });
    }

    /** Waits, at most the send timeout for the whole batch, until the broker has answered for every event. */
    private void awaitBroker(List<CompletableFuture<Throwable>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a send never completes exceptionally: the events without an answer are put back, and the next pass
            // sends them again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Completes with null once the broker accepted the event, or with the reason it did not. The message's own
     * acknowledgement callbacks complete it: no reactive pipeline per event, which was most of the relay's own CPU.
     */
    private CompletableFuture<Throwable> send(OutboxEvent.Pending row) {
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withMessageId(row.eventId())
                .withSubject(row.type())
                .withContentType(CONTENT_TYPE)
                .withDurable(true)
                .withApplicationProperty(SOURCE_PROPERTY, config.provider().id())
                .withApplicationProperty(TYPE_PROPERTY, row.type())
                .build();
        CompletableFuture<Throwable> answer = new CompletableFuture<>();
        try {
            emitter.send(Message.of(row.envelope(), Metadata.of(metadata), () -> {
                answer.complete(null);
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                answer.complete(reason);
                return CompletableFuture.completedFuture(null);
            }));
        } catch (RuntimeException e) {
            answer.complete(e);
        }
        return answer;
    }
}
