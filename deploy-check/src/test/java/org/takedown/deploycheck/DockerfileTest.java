package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's image: the Quarkus fast-jar layout on a maintained JRE, run by an unprivileged user. */
class DockerfileTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"hosting-service", "appstore-service", "notification-service"})
    void buildsTheQuarkusAppOnAMaintainedJreAsNonRoot(String module) {
        String dockerfile = Repository.read(module + "/src/main/docker/Dockerfile.jvm");

        Matcher from = FROM.matcher(dockerfile);
        assertTrue(from.find(), "no FROM");
        String base = from.group(1);
        assertTrue(base.startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:")
                || base.startsWith("eclipse-temurin:17-jre"), "not a maintained Java 17 JRE base: " + base);
        assertFalse(base.endsWith(":latest"), "pin the base image");

        List<String> users = USER.matcher(dockerfile).results().map(r -> r.group(1)).toList();
        assertFalse(users.isEmpty(), "no USER: the image would run as root");
        String last = users.get(users.size() - 1);
        assertFalse(last.equals("root") || last.equals("0") || last.startsWith("0:"), "runs as root");

        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(dockerfile.contains(layer), "missing the layer " + layer);
        }
        assertTrue(dockerfile.contains("docker build -f " + module + "/src/main/docker/Dockerfile.jvm -t takedown/" + module
                + " " + module), "the documented build command");

        Matcher expose = EXPOSE.matcher(dockerfile);
        assertTrue(expose.find(), "no EXPOSE");
        assertEquals(ConfigurationCatalog.of(module).defaultHttpPort(), Integer.parseInt(expose.group(1)));
    }
}
