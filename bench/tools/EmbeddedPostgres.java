import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

import org.takedown.testkit.LocalPostgres;

/**
 * The fallback PostgreSQL of bench/run.sh on a machine without the system PostgreSQL 15: testkit's embedded server on
 * a fixed port, with the benchmark's role. Prints READY, then runs until SIGTERM, which stops the server.
 * java -cp CLASSPATH EmbeddedPostgres DATA_DIR PORT USER PASSWORD
 */
public final class EmbeddedPostgres {

    public static void main(String[] args) throws Exception {
        LocalPostgres postgres = LocalPostgres.startEmbedded(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }));
        String url = "jdbc:postgresql://127.0.0.1:" + args[1] + "/postgres";
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
                Statement sql = db.createStatement()) {
            sql.execute("create role " + args[2] + " login createdb password '" + args[3] + "'");
        }
        System.out.println("READY");
        stopped.await();
    }
}
