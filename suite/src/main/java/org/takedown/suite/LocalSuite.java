package org.takedown.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.takedown.testkit.DevKeys;
import org.takedown.testkit.LocalBroker;
import org.takedown.testkit.LocalPostgres;

/**
 * The whole suite on one machine: a real PostgreSQL (embedded, or the server named by {@code TAKEDOWN_PG_URL}) with a
 * database per instance, a real Artemis broker, a real SMTP server for the letters, and each instance as a separate JVM from its packaged jar, configured
 * only through environment variables, as in docker-compose.yml and the Kubernetes manifests.
 */
public final class LocalSuite implements SuiteEndpoints, AutoCloseable {

    /** How to run: where the repository is, where logs and keys go, and whether to use the documented ports. */
    public record Options(Path root, Path workDirectory, boolean documentedPorts, PrintStream progress) {
    }

    private final Options options;
    private final LocalPostgres postgres;
    private final LocalBroker broker;
    private final GreenMail mail;
    private final Map<String, InstanceProcess> instances = new LinkedHashMap<>();
    private boolean closed;

    private LocalSuite(Options options, LocalPostgres postgres, LocalBroker broker, GreenMail mail) {
        this.options = options;
        this.postgres = postgres;
        this.broker = broker;
        this.mail = mail;
    }

    public static LocalSuite start(Options options) {
        options.progress().println("Starting PostgreSQL, the Artemis broker and an SMTP server ...");
        LocalPostgres postgres = LocalPostgres.start();
        LocalBroker broker;
        GreenMail mail;
        try {
            broker = LocalBroker.start(null, options.documentedPorts() ? 5672 : LocalBroker.freePort());
            mail = new GreenMail(new ServerSetup(options.documentedPorts() ? 2525 : LocalBroker.freePort(), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            mail.start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        LocalSuite suite = new LocalSuite(options, postgres, broker, mail);
        try {
            suite.launchAll();
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private void launchAll() {
        Path jwtKey = writeJwtPublicKey();
        InstanceJvm jvm = InstanceJvm.of(System.getenv(), options.workDirectory().resolve("startup-archives"));
        options.progress().println("Instances run on Java " + jvm.featureVersion() + " from " + jvm.javaHome()
                + " with " + (jvm.aotCache() ? "an AOT cache" : "an AppCDS archive") + " in " + jvm.archiveDirectory());
        for (InstanceSpec spec : InstanceSpec.DEFAULT) {
            int port = options.documentedPorts() ? spec.defaultPort() : LocalBroker.freePort();
            LocalPostgres.Database db = postgres.createDatabase("takedown_" + spec.name());
            Path jar = options.root().resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
            Path log = options.workDirectory().resolve("logs").resolve(spec.name() + ".log");
            instances.put(spec.name(), new InstanceProcess(spec, jvm, jar, log, port, environment(spec, port, db, jwtKey),
                    options.progress()));
        }
        options.progress().println("Starting " + String.join(", ", instances.keySet()) + " ...");
        instances.values().forEach(InstanceProcess::start);
        instances.values().forEach(InstanceProcess::awaitReady);
    }

    /** The same variables docker-compose.yml and the Kubernetes overlays set. */
    private Map<String, String> environment(InstanceSpec spec, int port, LocalPostgres.Database db, Path jwtKey) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("TAKEDOWN_PROVIDER_ID", spec.name());
        env.put("TAKEDOWN_SIGNING_PRIVATE_KEY", DevKeys.signingPrivateKey(spec.name()));
        env.put("TAKEDOWN_SIGNING_PUBLIC_KEY", DevKeys.signingPublicKey(spec.name()));
        env.put("TAKEDOWN_TRUST_PEERS", DevKeys.trustedPeersOf(spec.name()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("AMQP_HOST", "127.0.0.1");
        env.put("AMQP_PORT", String.valueOf(broker.port()));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwtKey.toString());
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(mail.getSmtp().getPort()));
        env.put("MP_JWT_VERIFY_ISSUER", DevKeys.JWT_ISSUER);
        // the local suite replays weeks in seconds; a production deployment keeps the system clock
        env.put("TAKEDOWN_CLOCK_MODE", "controllable");
        env.put("TAKEDOWN_CLOCK_ALLOW_CONTROLLABLE_IN_PRODUCTION", "true");
        env.putAll(spec.environment());
        return env;
    }

    private Path writeJwtPublicKey() {
        try {
            Path key = options.workDirectory().resolve("keys/jwt-public.pem");
            Files.createDirectories(key.getParent());
            Files.writeString(key, DevKeys.resource(DevKeys.JWT_PUBLIC_KEY));
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the development JWT key", e);
        }
    }

    @Override
    public String url(String instance) {
        return instance(instance).url();
    }

    public Path log(String instance) {
        return instance(instance).log();
    }

    public List<String> instanceNames() {
        return new ArrayList<>(instances.keySet());
    }

    public int brokerPort() {
        return broker.port();
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    /** The letters the SMTP server received, as raw messages. */
    public List<MimeMessage> receivedMail() {
        return List.of(mail.getReceivedMessages());
    }

    @Override
    public Optional<LocalBroker> broker() {
        return Optional.of(broker);
    }

    @Override
    public boolean controlsProcesses() {
        return true;
    }

    @Override
    public void stop(String instance) {
        instance(instance).stop();
    }

    @Override
    public void start(String instance) {
        InstanceProcess process = instance(instance);
        process.start();
        process.awaitReady();
    }

    /**
     * Stops every instance, then the broker and the database; safe to call twice. The instances stop side by side:
     * one that writes its class archive as it exits takes tens of seconds, and four in a row outlast the patience
     * of whoever asked for the stop.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Thread> stopping = new ArrayList<>();
        instances.forEach((name, instance) -> stopping.add(new Thread(instance::stop, "stop-" + name)));
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            mail.stop();
            broker.close();
        } finally {
            postgres.close();
        }
    }

    private InstanceProcess instance(String name) {
        InstanceProcess process = instances.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No instance " + name + "; the suite has " + instances.keySet());
        }
        return process;
    }
}
