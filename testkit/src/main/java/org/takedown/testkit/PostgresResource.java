package org.takedown.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives a {@code @QuarkusTest} its own database on a real PostgreSQL (see {@link LocalPostgres}). */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres postgres;
    private String prefix = "takedown_test";

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.start();
        LocalPostgres.Database db = postgres.createDatabase(prefix);
        return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
