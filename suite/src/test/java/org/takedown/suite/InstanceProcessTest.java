package org.takedown.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takedown.testkit.LocalBroker;

class InstanceProcessTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private InstanceProcess instance;

    @AfterEach
    void stopInstance() {
        if (instance != null) {
            instance.stop();
        }
    }

    @Test
    void anInstanceThatExitsWhileStartingIsStartedAgainAndSaysWhy() throws IOException {
        instance = flakyInstance(InstanceProcess.RESTARTS_WHILE_STARTING);

        instance.start();
        instance.awaitReady();

        String said = progress.toString(StandardCharsets.UTF_8);
        assertEquals(InstanceProcess.RESTARTS_WHILE_STARTING,
                count(said, "flaky exited with 1 while starting; starting it again"));
        assertTrue(said.contains("seems to be in use by another process (1 left)"), said);
    }

    @Test
    void anInstanceThatKeepsExitingFailsTheLaunchWithTheEndOfItsLog() throws IOException {
        instance = flakyInstance(InstanceProcess.RESTARTS_WHILE_STARTING + 1);

        instance.start();
        IllegalStateException failure = assertThrows(IllegalStateException.class, instance::awaitReady);

        assertTrue(failure.getMessage().startsWith("flaky exited with 1 while starting, 3 times"), failure.getMessage());
        assertTrue(failure.getMessage().contains("seems to be in use by another process (1 left)"), failure.getMessage());
    }

    private InstanceProcess flakyInstance(int failedStarts) throws IOException {
        Path countdown = Files.writeString(dir.resolve("failed-starts"), String.valueOf(failedStarts));
        int port = LocalBroker.freePort();
        InstanceSpec spec = new InstanceSpec("flaky", "none", port, Map.of());
        InstanceJvm jvm = InstanceJvm.of(Map.of(), dir.resolve("archives"));
        return new InstanceProcess(spec, jvm, flakyJar(), dir.resolve("logs/flaky.log"), port,
                Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "FLAKY_FAILED_STARTS", countdown.toString()),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    /** A runnable jar of {@link FlakyInstance}, which needs nothing but the JDK. */
    private Path flakyJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FlakyInstance.class.getName());
        String entry = FlakyInstance.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("flaky.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream compiled = FlakyInstance.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            compiled.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static int count(String text, String phrase) {
        int count = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            count++;
        }
        return count;
    }
}
