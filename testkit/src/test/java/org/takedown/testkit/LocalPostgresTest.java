package org.takedown.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** On an existing server (as in CI), the databases handed out are dropped again when the server handle closes. */
class LocalPostgresTest {

    @Test
    void theDatabasesItCreatedOnAnExistingServerAreGoneOnceItCloses() throws SQLException {
        assumeTrue(System.getenv(LocalPostgres.URL_ENV) != null, "needs an existing server: " + LocalPostgres.URL_ENV);
        LocalPostgres postgres = LocalPostgres.start();
        LocalPostgres.Database db = postgres.createDatabase("takedown_drop_check");
        try (Connection held = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            assertTrue(exists(db), "created");
            postgres.close(); // with a connection still open, as a service killed mid-run leaves one
        }
        assertFalse(exists(db), "dropped on close");
    }

    private static boolean exists(LocalPostgres.Database db) throws SQLException {
        String name = db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1).split("\\?")[0];
        try (Connection admin = DriverManager.getConnection(System.getenv(LocalPostgres.URL_ENV), db.user(),
                db.password()); Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            return row.next();
        }
    }
}
