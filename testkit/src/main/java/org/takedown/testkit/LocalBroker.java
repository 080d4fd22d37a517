package org.takedown.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.server.RemotingService;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real ActiveMQ Artemis broker with an AMQP 1.0 acceptor, configured like the suite's production broker: the
 * multicast event address, a dead-letter address, and redelivery with back-off. Stopping and starting the acceptor
 * simulates an outage that clients must survive.
 */
public final class LocalBroker implements AutoCloseable {

    public static final String EVENTS_ADDRESS = "takedown.events";
    public static final String DEAD_LETTER_ADDRESS = "takedown.dlq";
    public static final String EXPIRY_ADDRESS = "takedown.expired";
    static final String ACCEPTOR = "amqp";

    private final EmbeddedActiveMQ server;
    private final int port;
    /** Runs the AMQP clients of {@link #receive} and {@link #sendRaw}: one for the broker's life, not one per call. */
    private Vertx clients;

    private LocalBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    /** An in-memory broker on a free port, for tests. */
    public static LocalBroker start() {
        return start(null, freePort());
    }

    /** A broker on the given port; with a data directory its journal survives restarts. */
    public static LocalBroker start(Path dataDirectory, int port) {
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("takedown-local")
                    .setSecurityEnabled(false)
                    .setPersistenceEnabled(dataDirectory != null)
                    .setJMXManagementEnabled(false)
                    .addAcceptorConfiguration(ACCEPTOR, "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                    .addAddressSetting("#", new AddressSettings()
                            .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                            .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS))
                            .setMaxDeliveryAttempts(5)
                            .setRedeliveryDelay(200)
                            .setRedeliveryMultiplier(2.0)
                            .setMaxRedeliveryDelay(5_000)
                            .setAutoCreateAddresses(true)
                            .setAutoCreateQueues(true))
                    .addAddressConfiguration(new CoreAddressConfiguration().setName(EVENTS_ADDRESS)
                            .addRoutingType(RoutingType.MULTICAST))
                    .addAddressConfiguration(new CoreAddressConfiguration().setName(DEAD_LETTER_ADDRESS)
                            .addRoutingType(RoutingType.ANYCAST)
                            .addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_ADDRESS)
                                    .setRoutingType(RoutingType.ANYCAST)));
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                config.setBrokerInstance(dataDirectory.toFile());
                config.setJournalDirectory(dataDirectory.resolve("journal").toString())
                        .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                        .setLargeMessagesDirectory(dataDirectory.resolve("large").toString())
                        .setPagingDirectory(dataDirectory.resolve("paging").toString());
            }
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
            server.start();
            return new LocalBroker(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Artemis broker", e);
        }
    }

    public int port() {
        return port;
    }

    /** Drops every AMQP connection and refuses new ones, as a broker outage would. */
    public void stopAcceptor() {
        try {
            remoting().getAcceptor(ACCEPTOR).stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void startAcceptor() {
        try {
            remoting().getAcceptor(ACCEPTOR).start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages waiting on a queue, or -1 if it does not exist. */
    public long messageCount(String queue) {
        Queue found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? -1 : found.getMessageCount();
    }

    public long deadLetterCount() {
        return messageCount(DEAD_LETTER_ADDRESS);
    }

    /** A durable subscription queue on the event address, for a test that wants to see what was published. */
    public void subscribe(String queue) {
        try {
            server.getActiveMQServer().createQueue(QueueConfiguration.of(queue).setAddress(EVENTS_ADDRESS)
                    .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        } catch (Exception e) {
            throw new IllegalStateException("Could not create queue " + queue, e);
        }
    }

    /**
     * Takes one message body from a subscription queue of the event address over AMQP, waiting up to the timeout;
     * null if none came.
     */
    public String receive(String queue, java.time.Duration timeout) {
        java.util.List<String> one = receiveAll(queue, 1, timeout);
        return one.isEmpty() ? null : one.get(0);
    }

    /** Takes up to {@code count} messages from a queue, in the order the broker gives them, over one connection. */
    public java.util.List<String> receiveAll(String queue, int count, java.time.Duration timeout) {
        try {
            AmqpClient client = AmqpClient.create(clients(), new AmqpClientOptions().setHost("127.0.0.1").setPort(port));
            AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            var receiver = connection.createReceiver(EVENTS_ADDRESS + "::" + queue,
                    // settle only what is taken; anything else prefetched goes back to the queue
                    new io.vertx.amqp.AmqpReceiverOptions().setAutoAcknowledgement(false)
                            .setMaxBufferedMessages(Math.min(count, 1000)))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            var bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
            var all = new java.util.concurrent.CompletableFuture<Void>();
            receiver.handler(message -> {
                if (bodies.size() < count) {
                    bodies.add(message.bodyAsString());
                    message.accepted();
                    if (bodies.size() == count) {
                        all.complete(null);
                    }
                } else {
                    message.released();
                }
            });
            try {
                all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // fewer arrived: the caller sees how many
            } finally {
                connection.close();
                client.close();
            }
            synchronized (bodies) {
                return java.util.List.copyOf(bodies);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not receive from " + queue, e);
        }
    }

    /** Sends a raw body to an address over AMQP, bypassing any outbox: how a forger or a broken peer would. */
    public void sendRaw(String address, String body) {
        sendRaw(address, body, Map.of());
    }

    /** {@link #sendRaw(String, String)} with AMQP application properties, such as the ones subscriptions select on. */
    public void sendRaw(String address, String body, Map<String, Object> applicationProperties) {
        try {
            AmqpClient client = AmqpClient.create(clients(), new AmqpClientOptions().setHost("127.0.0.1").setPort(port));
            AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            AmqpSender sender = connection.createSender(address).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            AmqpMessage message = AmqpMessage.create().withBody(body).contentType("application/cloudevents+json")
                    .applicationProperties(new JsonObject(applicationProperties)).durable(true).build();
            sender.sendWithAck(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            connection.close();
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + address, e);
        }
    }

    private synchronized Vertx clients() {
        if (clients == null) {
            clients = Vertx.vertx();
        }
        return clients;
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RemotingService remoting() {
        return server.getActiveMQServer().getRemotingService();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
