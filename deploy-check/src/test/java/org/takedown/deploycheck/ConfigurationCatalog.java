package org.takedown.deploycheck;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one service module really reads, derived from its code as checked out: the keys of its
 * {@code application.properties}, the properties of every {@code @ConfigMapping} in its sources and in {@code common},
 * and the few standard names its extensions read without either ({@code runtime-names.properties}, each with the
 * reason). Environment variables are matched the way SmallRye Config maps them.
 */
final class ConfigurationCatalog {

    private static final Properties RUNTIME_NAMES = runtimeNames();

    private final String module;
    private final Map<String, String> applicationProperties;
    private final Set<String> properties = new LinkedHashSet<>();
    private final Set<String> imageVariables = new LinkedHashSet<>();
    private final List<Pattern> envPatterns = new ArrayList<>();

    private ConfigurationCatalog(String module) {
        this.module = module;
        this.applicationProperties = load(Repository.path(module + "/src/main/resources/application.properties"));
        applicationProperties.keySet().forEach(key -> properties.add(withoutProfile(key)));
        properties.addAll(ConfigMappingScanner.scan(List.of(
                Repository.path(module + "/src/main/java"), Repository.path("common/src/main/java"))));
        RUNTIME_NAMES.stringPropertyNames().forEach(name -> {
            if (name.startsWith("env.")) {
                imageVariables.add(name.substring(4));
            } else {
                properties.add(name);
            }
        });
        properties.forEach(p -> envPatterns.add(envPattern(p)));
    }

    static ConfigurationCatalog of(String module) {
        if (!Repository.MODULES.contains(module)) {
            throw new IllegalArgumentException("Not a service module: " + module);
        }
        return new ConfigurationCatalog(module);
    }

    String module() {
        return module;
    }

    Set<String> properties() {
        return properties;
    }

    /** True if the service (or its container image's launcher) reads this environment variable. */
    boolean readsEnvironmentVariable(String name) {
        return imageVariables.contains(name) || envPatterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** The value application.properties gives a key in the default profile, or null. */
    String value(String key) {
        return applicationProperties.get(key);
    }

    int defaultHttpPort() {
        String port = value("quarkus.http.port");
        return port == null ? 8080 : Integer.parseInt(port.strip());
    }

    Duration shutdownTimeout() {
        String timeout = value("quarkus.shutdown.timeout");
        return timeout == null ? Duration.ZERO : parseDuration(timeout);
    }

    /** The health endpoints quarkus-smallrye-health serves, if the module depends on it. */
    Set<String> healthPaths() {
        if (!dependsOn("quarkus-smallrye-health")) {
            return Set.of();
        }
        String health = resolve(nonApplicationRoot(), orDefault("quarkus.smallrye-health.root-path", "health"));
        Set<String> paths = new LinkedHashSet<>();
        paths.add(health);
        paths.add(resolve(health, orDefault("quarkus.smallrye-health.liveness-path", "live")));
        paths.add(resolve(health, orDefault("quarkus.smallrye-health.readiness-path", "ready")));
        paths.add(resolve(health, orDefault("quarkus.smallrye-health.startup-path", "started")));
        return paths;
    }

    /** Where Prometheus scrapes, if the module has the Micrometer Prometheus registry. */
    String metricsPath() {
        if (!dependsOn("quarkus-micrometer-registry-prometheus")) {
            return null;
        }
        return resolve(nonApplicationRoot(), orDefault("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    boolean dependsOn(String artifactId) {
        return Repository.read(module + "/pom.xml").contains("<artifactId>" + artifactId + "</artifactId>");
    }

    /** SmallRye's environment form of a property name: upper case, every other character an underscore. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** True if SmallRye maps the environment variable to the property ({@code *} standing for a map key). */
    static boolean envMatches(String property, String variable) {
        return envPattern(property).matcher(variable).matches();
    }

    private static Pattern envPattern(String property) {
        StringBuilder regex = new StringBuilder();
        for (String part : property.split("((?<=\\*)|(?=\\*))")) {
            regex.append(part.equals("*") ? "[A-Z0-9_]+" : Pattern.quote(envName(part)));
        }
        return Pattern.compile(regex.toString());
    }

    private String nonApplicationRoot() {
        return resolve("/", orDefault("quarkus.http.non-application-root-path", "q"));
    }

    private String orDefault(String key, String fallback) {
        String value = value(key);
        return value == null ? fallback : value.strip();
    }

    /** Quarkus resolves a relative path against its parent and keeps an absolute one. */
    private static String resolve(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }

    static Duration parseDuration(String value) {
        String text = value.strip();
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        char unit = text.charAt(text.length() - 1);
        return switch (unit) {
            case 's' -> Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            case 'm' -> Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            case 'h' -> Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            default -> Duration.ofSeconds(Long.parseLong(text));
        };
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") && key.indexOf('.') > 0 ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static Map<String, String> load(Path file) {
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        loaded.stringPropertyNames().forEach(k -> values.put(k, loaded.getProperty(k)));
        return values;
    }

    private static Properties runtimeNames() {
        Properties names = new Properties();
        try (var in = ConfigurationCatalog.class.getResourceAsStream("/runtime-names.properties")) {
            names.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
