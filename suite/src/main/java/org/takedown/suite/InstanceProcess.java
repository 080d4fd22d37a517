package org.takedown.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service instance running as a separate JVM from its packaged jar, with its log in a file. */
final class InstanceProcess {

    /** How long an instance may take to become ready; raise it with -Dtakedown.ready-timeout=PT5M on a busy machine. */
    private static final Duration READY_TIMEOUT = Duration.parse(System.getProperty("takedown.ready-timeout", "PT3M"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final InstanceSpec spec;
    private final InstanceJvm jvm;
    private final Path jar;
    private final Path log;
    private final int port;
    private final Map<String, String> environment;
    private Process process;
    private boolean recordingArchive;

    InstanceProcess(InstanceSpec spec, InstanceJvm jvm, Path jar, Path log, int port, Map<String, String> environment) {
        this.spec = spec;
        this.jvm = jvm;
        this.jar = jar;
        this.log = log;
        this.port = port;
        this.environment = environment;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        recordingArchive = jvm.records(spec.name(), jar);
        ProcessBuilder builder = new ProcessBuilder(jvm.command(spec.name(), jar)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(InstanceJvm.MEMORY_ENVIRONMENT);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(jvm.archiveDirectory());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + spec.name(), e);
        }
    }

    /** Waits until the instance reports ready (database, broker channels and outbox all UP). */
    void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.name(), e);
            }
            pause();
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /**
     * Stops gracefully (SIGTERM, so Quarkus drains), then forcibly with every child if it hangs. A start that records
     * its class archive writes it after Quarkus has stopped, so it gets longer.
     */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(recordingArchive ? 120 : 30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
