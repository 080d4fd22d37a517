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
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The images' class archive training (deploy/jvm/train-class-archive.sh, run by each Dockerfile.jvm) on the packaged
 * service, as {@code docker build} runs it: on a JDK of the image's Java version, with the image's JVM options, an
 * environment that configures nothing, and no database or broker to reach. The archive it writes must be one that
 * JDK accepts for that jar, and hold what the whole start loads, not only its static initialisation.
 */
class ClassArchiveTrainingIT {

    private static final Path ROOT = Takedown.repositoryRoot();
    /** An ENV line whose value refers to no other variable: the later JAVA_OPTS_APPEND that adds the archive does. */
    private static final Pattern ENV = Pattern.compile("(?m)^ENV (\\w+)=\"([^\"$]*)\"$");
    /** The Java version of the image's base: a Red Hat OpenJDK runtime or an Eclipse Temurin JRE. */
    private static final Pattern BASE_JAVA = Pattern.compile("(?m)^FROM \\S*(?:openjdk-|temurin:)(\\d+)");
    /** Where a JDK of the images' version is looked for, unless TAKEDOWN_IMAGE_JAVA_HOME names one. */
    private static final Path JDKS = Path.of("/usr/lib/jvm");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"hosting-service, hosting", "appstore-service, appstore", "notification-service, notification"})
    void trainsAnArchiveOfTheWholeStartWithNothingToReach(String module, String javaPackage)
            throws IOException, InterruptedException {
        String dockerfile = Files.readString(ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
        InstanceJvm image = InstanceJvm.of(Map.of("TAKEDOWN_JAVA_HOME", imageJdk(dockerfile).toString()), dir);
        Path jar = ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Path archive = image.archive(module);

        List<String> training = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/jvm/train-class-archive.sh")
                .toString(), jar.toString(), archive.toString()));
        training.addAll(imageJvmOptions(dockerfile));
        Result trained = run(image, training);

        assertEquals(0, trained.exit(), trained.output());
        assertTrue(Files.size(archive) > 0, trained.output());

        String java = image.javaHome().resolve("bin/java").toString();
        Result printed = run(image, List.of(java, image.mapping(archive), "-XX:+PrintSharedArchiveAndExit", "-jar",
                jar.toString()));
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
    private static List<String> imageJvmOptions(String dockerfile) {
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

    /** A JDK of the image base's Java version: an archive is only valid for the JVM version that wrote it. */
    private static Path imageJdk(String dockerfile) throws IOException {
        Matcher base = BASE_JAVA.matcher(dockerfile);
        assertTrue(base.find(), "the image's base names no Java version");
        int version = Integer.parseInt(base.group(1));
        String configured = System.getenv("TAKEDOWN_IMAGE_JAVA_HOME");
        List<Path> candidates;
        if (configured != null && !configured.isBlank()) {
            candidates = List.of(Path.of(configured));
        } else {
            try (Stream<Path> jdks = Files.list(JDKS)) {
                candidates = jdks.sorted().toList();
            }
        }
        return candidates.stream()
                .filter(home -> Files.isRegularFile(home.resolve("release")) && Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> InstanceJvm.featureVersion(home) == version)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JDK " + version + " (the images' Java) under " + JDKS
                        + "; install one there or set TAKEDOWN_IMAGE_JAVA_HOME"));
    }

    private record Result(int exit, String output) {
    }

    /** Runs a command in an environment with only a PATH, a HOME and the image's JDK, as a build step has. */
    private Result run(InstanceJvm image, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", image.javaHome().resolve("bin") + ":" + System.getenv("PATH"),
                "HOME", dir.toString(), "JAVA_HOME", image.javaHome().toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
