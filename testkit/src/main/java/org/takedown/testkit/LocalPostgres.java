package org.takedown.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for tests and the local suite. By default it starts an embedded one (real binaries from
 * Maven Central, works as root); with {@code TAKEDOWN_PG_URL} (plus {@code TAKEDOWN_PG_USER} and
 * {@code TAKEDOWN_PG_PASSWORD}) it uses an existing server. Either way each caller gets its own database, which is
 * gone once the caller closes this: an embedded server goes with its data, and on an existing one the databases this
 * created are dropped, so that test runs and local suites do not pile them up there.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String URL_ENV = "TAKEDOWN_PG_URL";

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();

    private LocalPostgres(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** A database server: the one named by the environment, or a new embedded one. */
    public static LocalPostgres start() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new LocalPostgres(null, url, env("TAKEDOWN_PG_USER", "postgres"), env("TAKEDOWN_PG_PASSWORD", ""));
        }
        return startEmbedded(null, 0);
    }

    /** An embedded server; with a data directory and a fixed port it keeps its data between runs. */
    public static LocalPostgres startEmbedded(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setCleanDataDirectory(dataDirectory == null);
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new LocalPostgres(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }

    /** Creates a fresh, uniquely named database and returns its coordinates. */
    public Database createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        created.add(name);
        return new Database(withDatabase(adminUrl, name), user, password);
    }

    @Override
    public void close() {
        dropCreatedDatabases();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Best effort: a database that cannot be dropped is reported and left, and closing goes on. */
    private void dropCreatedDatabases() {
        if (embedded != null || created.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String name : created) {
                try {
                    // FORCE ends what a stopped service may have left connected (PostgreSQL 13 and later)
                    statement.execute("drop database if exists " + name + " with (force)");
                } catch (SQLException e) {
                    System.err.println("Could not drop database " + name + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the databases " + created + ": " + e.getMessage());
        }
        created.clear();
    }

    /** Replaces the database name in a JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Where a service finds its database. */
    public record Database(String jdbcUrl, String user, String password) {
    }
}
