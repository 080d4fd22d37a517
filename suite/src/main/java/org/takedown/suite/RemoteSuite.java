package org.takedown.suite;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.takedown.testkit.LocalBroker;

/**
 * A suite that runs elsewhere, such as {@code docker compose up -d}, named by
 * {@code TAKEDOWN_SUITE_URLS=aws=http://localhost:8081,apple=http://localhost:8082,...}.
 */
public final class RemoteSuite implements SuiteEndpoints {

    public static final String URLS_ENV = "TAKEDOWN_SUITE_URLS";

    private final Map<String, String> urls;

    private RemoteSuite(Map<String, String> urls) {
        this.urls = urls;
    }

    /** The remote suite named by the environment, if any. */
    public static Optional<RemoteSuite> fromEnvironment() {
        String value = System.getenv(URLS_ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> urls = new HashMap<>();
        for (String entry : value.split(",")) {
            String[] pair = entry.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException(URLS_ENV + " entries must be name=url, got '" + entry + "'");
            }
            urls.put(pair[0].strip(), pair[1].strip().replaceAll("/$", ""));
        }
        return Optional.of(new RemoteSuite(urls));
    }

    @Override
    public String url(String instance) {
        String url = urls.get(instance);
        if (url == null) {
            throw new IllegalArgumentException(URLS_ENV + " has no URL for " + instance);
        }
        return url;
    }

    @Override
    public Optional<LocalBroker> broker() {
        return Optional.empty();
    }

    @Override
    public boolean controlsProcesses() {
        return false;
    }

    @Override
    public void stop(String instance) {
        throw new UnsupportedOperationException("A remote suite's instances are managed by compose or Kubernetes");
    }

    @Override
    public void start(String instance) {
        throw new UnsupportedOperationException("A remote suite's instances are managed by compose or Kubernetes");
    }
}
