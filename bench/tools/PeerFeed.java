import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import org.takedown.common.event.Action;
import org.takedown.common.event.EventType;
import org.takedown.common.event.Party;
import org.takedown.common.outbox.OutboxRelay;

/**
 * One end of the propagation path on the broker, for timing each hop with only its own service running:
 * <ul>
 * <li>{@code send HOST PORT PROVIDER RATE SECONDS "LEGAL NAME|DOMAIN"...}: publishes a provider's signed restrictive
 * decisions about the given parties at a fixed rate, as its relay would. Each is signed ahead and stamped with the
 * time it is due to leave, so that a consumer's inbox lag is the hop from here to the consumer. Prints {@code READY}
 * and the epoch millisecond the first is due once all are signed, then
 * {@code {"sent":N,"refused":M,"seconds":S,"cpuSeconds":C}}.</li>
 * <li>{@code listen HOST PORT SOURCE SECONDS EXPECTED}: prints {@code READY} once subscribed, then the delay from each
 * decision's time to its arrival here, for the decisions SOURCE publishes, until EXPECTED arrived or SECONDS passed:
 * {@code {"received":N,"cpuSeconds":C,"lagsMs":[[EVENT_TIME_MS,LAG_MS],...]}}, in arrival order.</li>
 * </ul>
 * The message is built as the relay builds it (OutboxRelay): the routing properties the subscriptions select on, a
 * durable AMQP message on the multicast address.
 */
public final class PeerFeed {

    private static final String ADDRESS = "takedown.events";
    private static final String DECISION = EventType.DECISION_ISSUED.ceType();

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            AmqpConnection connection = AmqpClient.create(vertx, new AmqpClientOptions().setHost(args[1])
                    .setPort(Integer.parseInt(args[2]))).connect().toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            if (args[0].equals("send")) {
                send(connection, args);
            } else {
                listen(connection, args);
            }
        } finally {
            vertx.close();
        }
    }

    private static void send(AmqpConnection connection, String[] args) throws Exception {
        String provider = args[3];
        double rate = Double.parseDouble(args[4]);
        int total = (int) Math.round(rate * Double.parseDouble(args[5]));
        List<Party> parties = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            String[] nameAndDomain = args[i].split("\\|", 2);
            parties.add(new Party(nameAndDomain[0], List.of(nameAndDomain[1]), List.of(), List.of()));
        }
        AmqpSender sender = connection.createSender(ADDRESS, new AmqpSenderOptions().addCapability("topic"))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        // signed ahead, each stamped with the time it is due to leave, so that signing is not part of the hop
        BenchEvents events = new BenchEvents(provider);
        Instant start = Instant.now().plusSeconds(5).plusMillis(total);
        List<AmqpMessage> messages = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            ObjectNode envelope = events.signed(parties.get(i % parties.size()), Action.RESTRICT,
                    "Benchmark decision " + i + " of the store hop", start.plusNanos((long) (i * 1e9 / rate)));
            messages.add(AmqpMessage.create().id(envelope.get("id").asText())
                    .subject(envelope.get("type").asText()).contentType("application/cloudevents+json")
                    .durable(true).applicationProperties(new JsonObject().put(OutboxRelay.SOURCE_PROPERTY, provider)
                            .put(OutboxRelay.TYPE_PROPERTY, envelope.get("type").asText()))
                    .withBody(events.toJson(envelope)).build());
        }
        if (Instant.now().isAfter(start)) {
            System.err.println("signing took longer than planned: the lags include the delay");
        }
        ready(" " + start.toEpochMilli());
        long cpuAtStart = cpuNanos();
        CountDownLatch answered = new CountDownLatch(total);
        AtomicInteger refused = new AtomicInteger();
        long startNanos = System.nanoTime() + Math.max(0, Duration.between(Instant.now(), start).toNanos());
        for (int i = 0; i < total; i++) {
            long wait = startNanos + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sender.sendWithAck(messages.get(i)).onComplete(ack -> {
                if (ack.failed()) {
                    refused.incrementAndGet();
                }
                answered.countDown();
            });
        }
        answered.await(60, TimeUnit.SECONDS);
        long notAccepted = refused.get() + answered.getCount();
        System.out.println("{\"sent\":" + (total - notAccepted) + ",\"refused\":" + notAccepted
                + ",\"seconds\":" + (System.nanoTime() - startNanos) / 1e9 + ",\"cpuSeconds\":"
                + (cpuNanos() - cpuAtStart) / 1e9 + "}");
    }

    private static void listen(AmqpConnection connection, String[] args) throws Exception {
        String source = args[3];
        Duration limit = Duration.ofSeconds(Long.parseLong(args[4]));
        int expected = Integer.parseInt(args[5]);
        ObjectMapper mapper = new ObjectMapper();
        List<String> lags = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch arrived = new CountDownLatch(expected);
        Instant since = Instant.now();
        // not durable: the broker gives this receiver a subscription of its own that ends with it
        connection.createReceiver(ADDRESS, new AmqpReceiverOptions().addCapability("topic")).toCompletionStage()
                .toCompletableFuture().get(30, TimeUnit.SECONDS).handler(message -> {
                    long now = System.currentTimeMillis();
                    try {
                        JsonObject properties = message.applicationProperties();
                        if (properties == null || !source.equals(properties.getString(OutboxRelay.SOURCE_PROPERTY))
                                || !DECISION.equals(properties.getString(OutboxRelay.TYPE_PROPERTY))) {
                            return;
                        }
                        Instant time = Instant.parse(mapper.readTree(message.bodyAsString()).get("time").asText());
                        if (!time.isBefore(since)) {
                            lags.add("[" + time.toEpochMilli() + "," + (now - time.toEpochMilli()) + "]");
                            arrived.countDown();
                        }
                    } catch (Exception e) {
                        System.err.println("unreadable message: " + e.getMessage());
                    }
                });
        ready("");
        long cpuAtStart = cpuNanos();
        arrived.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (lags) {
            System.out.println("{\"received\":" + lags.size() + ",\"cpuSeconds\":" + (cpuNanos() - cpuAtStart) / 1e9
                    + ",\"lagsMs\":" + lags + "}");
        }
    }

    /** Tells the bench that the timed part starts now: its CPU is counted from here. */
    private static void ready(String detail) {
        System.out.println("READY" + detail);
        System.out.flush();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
