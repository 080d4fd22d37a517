package org.takedown.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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

/**
 * One service instance running as a separate JVM from its packaged jar, with its log in a file. An instance that exits
 * while it starts is started again, as docker-compose's {@code restart: unless-stopped} and a Kubernetes pod's restart
 * policy would do.
 */
final class InstanceProcess {

    /** How often an instance that exits before it is ready starts again; then the launch fails with its log's end. */
    static final int RESTARTS_WHILE_STARTING = 2;
    private static final int LOG_LINES_IN_FAILURES = 40;

    /** How long an instance may take to become ready; raise it with -Dtakedown.ready-timeout=PT5M on a busy machine. */
    private static final Duration READY_TIMEOUT = Duration.parse(System.getProperty("takedown.ready-timeout", "PT3M"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final InstanceSpec spec;
    private final InstanceJvm jvm;
    private final Path jar;
    private final Path log;
    private final int port;
    private final Map<String, String> environment;
    private final PrintStream progress;
    private Process process;
    private boolean recordingArchive;

    InstanceProcess(InstanceSpec spec, InstanceJvm jvm, Path jar, Path log, int port, Map<String, String> environment,
            PrintStream progress) {
        this.spec = spec;
        this.jvm = jvm;
        this.jar = jar;
        this.log = log;
        this.port = port;
        this.environment = environment;
        this.progress = progress;
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
        int restarts = 0;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String exit = spec.name() + " exited with " + process.exitValue() + " while starting";
                if (restarts == RESTARTS_WHILE_STARTING) {
                    throw new IllegalStateException(exit + ", " + (restarts + 1) + " times; the end of " + log + ":\n"
                            + logTail());
                }
                restarts++;
                progress.println(exit + "; starting it again. The end of " + log + ":\n" + logTail());
                start();
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
        throw new IllegalStateException(spec.name() + " was not ready within " + READY_TIMEOUT + "; the end of " + log
                + ":\n" + logTail());
    }

    /**
     * The last lines of the log, which name the cause of a failed start: whoever reads the failure (a CI run's
     * output) may not have the file. Class archive warnings are left out, as they outnumber everything else.
     */
    private String logTail() {
        try (var lines = Files.lines(log)) {
            List<String> kept = lines.filter(line -> !line.contains("[cds]")).toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - LOG_LINES_IN_FAILURES), kept.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(the log could not be read: " + e + ")";
        }
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
