package org.takedown.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The images' class archive training (deploy/jvm/train-class-archive.sh, run by each Dockerfile.jvm) on the packaged
 * service, as {@code docker build} runs it: with the image's JVM options, an environment that configures nothing,
 * and no database or broker to reach. The archive it writes must be one the JVM accepts for that jar, and hold what
 * the whole start loads, not only its static initialisation.
 */
class ClassArchiveTrainingIT {

    private static final Path ROOT = Takedown.repositoryRoot();
    /** An ENV line whose value refers to no other variable: the later JAVA_OPTS_APPEND that adds the archive does. */
    private static final Pattern ENV = Pattern.compile("(?m)^ENV (\\w+)=\"([^\"$]*)\"$");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"hosting-service, hosting", "appstore-service, appstore", "notification-service, notification"})
    void trainsAnArchiveOfTheWholeStartWithNothingToReach(String module, String javaPackage)
            throws IOException, InterruptedException {
        Path jar = ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Path archive = dir.resolve(module + ".jsa");

        List<String> training = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/jvm/train-class-archive.sh")
                .toString(), jar.toString(), archive.toString()));
        training.addAll(imageJvmOptions(module));
        Result trained = run(training);

        assertEquals(0, trained.exit(), trained.output());
        assertTrue(Files.size(archive) > 0, trained.output());

        Result printed = run(List.of(java(), "-XX:SharedArchiveFile=" + archive, "-XX:+PrintSharedArchiveAndExit",
                "-jar", jar.toString()));
        assertEquals(0, printed.exit(), printed.output());
        assertTrue(printed.output().contains("archive is valid"), "the JVM refuses the archive for " + jar);
        for (String phase : List.of(
                "org.takedown." + javaPackage + ".rest.", // the application's own beans
                "org.hibernate.internal.SessionFactoryImpl ", // runtime initialisation, after static init
                "io.vertx.core.http.impl.HttpServerImpl ", // the HTTP server, opened last
                "io.vertx.amqp.impl.AmqpClientImpl ", // the broker's client, which kept trying
                "io.smallrye.health.SmallRyeHealthReporter ")) {
            assertTrue(printed.output().contains(phase), "the archive lacks " + phase.trim());
        }
    }

    /** The JVM options the image runs with: its GC_CONTAINER_OPTIONS and JAVA_OPTS_APPEND before the archive. */
    private static List<String> imageJvmOptions(String module) throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
        List<String> options = new ArrayList<>();
        Matcher env = ENV.matcher(dockerfile);
        while (env.find()) {
            if (env.group(1).equals("GC_CONTAINER_OPTIONS") || env.group(1).equals("JAVA_OPTS_APPEND")) {
                options.addAll(List.of(env.group(2).split("\\s+")));
            }
        }
        assertTrue(options.contains("-XX:+UseSerialGC") && options.contains("-Xms32m"), options.toString());
        return options;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exit, String output) {
    }

    /** Runs a command in an environment with only a PATH, a HOME and this JVM, as a build step has. */
    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString(), "JAVA_HOME",
                System.getProperty("java.home")));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
