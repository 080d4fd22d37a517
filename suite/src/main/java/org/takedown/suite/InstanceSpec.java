package org.takedown.suite;

import java.util.List;

/** One provider instance of the suite: its name (the provider id), the module whose jar it runs, and its port. */
public record InstanceSpec(String name, String module, int defaultPort) {

    public static final InstanceSpec AWS = new InstanceSpec("aws", "hosting-service", 8081);
    public static final InstanceSpec APPLE = new InstanceSpec("apple", "appstore-service", 8082);
    public static final InstanceSpec GOOGLE = new InstanceSpec("google", "appstore-service", 8083);
    public static final InstanceSpec NOTIFICATION = new InstanceSpec("notification", "notification-service", 8084);

    /** The topology of the local suite, docker-compose.yml and the all-in-one Kubernetes overlay. */
    public static final List<InstanceSpec> DEFAULT = List.of(AWS, APPLE, GOOGLE, NOTIFICATION);
}
