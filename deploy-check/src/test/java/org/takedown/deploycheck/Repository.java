package org.takedown.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The checked-out project: where the manifests, compose file and service sources are. */
final class Repository {

    /** Provider instance, the service module it runs, and its local port in docker-compose.yml. */
    record Instance(String provider, String module, int localPort) {
    }

    static final List<Instance> INSTANCES = List.of(
            new Instance("aws", "hosting-service", 8081),
            new Instance("apple", "appstore-service", 8082),
            new Instance("google", "appstore-service", 8083),
            new Instance("notification", "notification-service", 8084));

    static final List<String> MODULES = List.of("hosting-service", "appstore-service", "notification-service");

    static final List<String> OVERLAYS = List.of("infra", "aws", "apple", "google", "notification", "all-in-one");

    private static final Path ROOT = locate();

    private Repository() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String moduleOfImage(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        String repository = colon > slash ? name.substring(0, colon) : name;
        String last = repository.substring(repository.lastIndexOf('/') + 1);
        return MODULES.contains(last) ? last : null;
    }

    private static Path locate() {
        String configured = System.getProperty("takedown.repository.root");
        Path start = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No project root with k8s/ and docker-compose.yml above " + start);
    }
}
