package org.takedown.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a real Artemis broker in the test JVM and points the AMQP connector at it. */
public class BrokerResource implements QuarkusTestResourceLifecycleManager {

    private static LocalBroker broker;

    /** The running broker, so a test can stop its acceptor or look at the dead-letter queue. */
    public static LocalBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = LocalBroker.start();
        return Map.of("amqp-host", "127.0.0.1", "amqp-port", String.valueOf(broker.port()));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
