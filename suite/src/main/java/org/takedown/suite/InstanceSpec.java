package org.takedown.suite;

import java.util.List;
import java.util.Map;

/**
 * One provider instance of the suite: its name (the provider id), the module whose jar it runs, its port, and the
 * settings that make it this provider rather than another instance of the same jar.
 */
public record InstanceSpec(String name, String module, int defaultPort, Map<String, String> environment) {

    public static final InstanceSpec AWS = new InstanceSpec("aws", "hosting-service", 8081, Map.of());
    public static final InstanceSpec APPLE = new InstanceSpec("apple", "appstore-service", 8082, Map.of(
            "TAKEDOWN_STORE_DISPLAY_NAME", "App Store",
            "TAKEDOWN_STORE_GUIDELINES", "App Store Review Guidelines"));
    public static final InstanceSpec GOOGLE = new InstanceSpec("google", "appstore-service", 8083, Map.of(
            "TAKEDOWN_STORE_DISPLAY_NAME", "Google Play",
            "TAKEDOWN_STORE_GUIDELINES", "Google Play Developer Program Policies"));
    public static final InstanceSpec NOTIFICATION = new InstanceSpec("notification", "notification-service", 8084,
            Map.of());

    /** The topology of the local suite, docker-compose.yml and the all-in-one Kubernetes overlay. */
    public static final List<InstanceSpec> DEFAULT = List.of(AWS, APPLE, GOOGLE, NOTIFICATION);
}
