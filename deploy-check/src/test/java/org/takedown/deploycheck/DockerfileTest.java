package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's image: the Quarkus layout on a maintained JRE, run by an unprivileged user, with a class archive
 * trained at build time; built from the repository's root, which .dockerignore narrows to what the images copy.
 */
class DockerfileTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Pattern COPY_SOURCE = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$");
    private static final String TRAINING = "RUN bash /deployments/bin/train-class-archive.sh \"$JAVA_APP_JAR\" "
            + "/deployments/app.aot $GC_CONTAINER_OPTIONS $JAVA_OPTS_APPEND";
    private static final String ARCHIVE_USED = "ENV JAVA_OPTS_APPEND=\"$JAVA_OPTS_APPEND -XX:AOTCache=/deployments/app.aot\"";

    @ParameterizedTest
    @ValueSource(strings = {"hosting-service", "appstore-service", "notification-service"})
    void buildsTheQuarkusAppOnAMaintainedJreAsNonRoot(String module) {
        String dockerfile = Repository.read(module + "/src/main/docker/Dockerfile.jvm");

        Matcher from = FROM.matcher(dockerfile);
        assertTrue(from.find(), "no FROM");
        String base = from.group(1);
        // JDK 25: the AOT cache the image trains needs it (the jars are built for 17 and run unchanged)
        assertTrue(base.startsWith("registry.access.redhat.com/ubi9/openjdk-25-runtime:")
                || base.startsWith("eclipse-temurin:25-jre"), "not a maintained JDK 25 JRE base: " + base);
        assertFalse(base.endsWith(":latest"), "pin the base image");

        List<String> users = USER.matcher(dockerfile).results().map(r -> r.group(1)).toList();
        assertFalse(users.isEmpty(), "no USER: the image would run as root");
        String last = users.get(users.size() - 1);
        assertFalse(last.equals("root") || last.equals("0") || last.startsWith("0:"), "runs as root");

        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(dockerfile.contains("COPY --chown=185 " + module + "/" + layer), "missing the layer " + layer);
        }
        assertTrue(dockerfile.contains("docker build -f " + module + "/src/main/docker/Dockerfile.jvm -t takedown/" + module
                + " ."), "the documented build command, from the repository's root");

        Matcher expose = EXPOSE.matcher(dockerfile);
        assertTrue(expose.find(), "no EXPOSE");
        assertEquals(ConfigurationCatalog.of(module).defaultHttpPort(), Integer.parseInt(expose.group(1)));
    }

    /**
     * The archive is trained as the image's last build step, with the options the image runs with, and mapped by
     * every start after it: the training's own JVM must not be given the archive it is writing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hosting-service", "appstore-service", "notification-service"})
    void trainsItsClassArchiveAtBuildAndMapsItAtEveryStart(String module) {
        String dockerfile = Repository.read(module + "/src/main/docker/Dockerfile.jvm");

        assertTrue(dockerfile.contains("COPY --chown=185 deploy/jvm/train-class-archive.sh /deployments/bin/"),
                "the training script is not copied");
        int training = dockerfile.indexOf(TRAINING);
        assertTrue(training > 0, "no training step: " + TRAINING);
        assertTrue(dockerfile.indexOf("ENV JAVA_OPTS_APPEND=") < training, "the run options are set after the training");
        assertTrue(dockerfile.indexOf(ARCHIVE_USED) > training, "the archive is not mapped after the training");
        assertEquals(1, count(dockerfile, "AOTCache="), "the archive is mapped by the training step itself");
    }

    /** Every file an image copies reaches the build: the root's .dockerignore sends nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"hosting-service", "appstore-service", "notification-service"})
    void theBuildContextHoldsWhatTheImageCopies(String module) {
        List<String> included = Repository.read(".dockerignore").lines().filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1)).toList();
        List<String> sources = COPY_SOURCE.matcher(Repository.read(module + "/src/main/docker/Dockerfile.jvm")).results()
                .map(copy -> copy.group(1)).toList();

        assertEquals(5, sources.size(), "the four layers and the training script: " + sources);
        for (String source : sources) {
            assertTrue(included.stream().anyMatch(source::startsWith), source + " is not in the build context");
        }
        assertTrue(Files.isRegularFile(Repository.path("deploy/jvm/train-class-archive.sh")));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
