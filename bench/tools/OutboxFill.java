import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.takedown.common.event.Action;
import org.takedown.common.event.Party;

/**
 * Signed decision.issued envelopes for the outbox figure, valid and correctly signed, so that the peers apply them
 * (inbox rows) instead of dead-lettering them.
 * <ul>
 * <li>{@code db JDBC_URL USER PASSWORD PROVIDER COUNT}: writes them into the provider's outbox in one commit, as if COUNT
 * decisions had just been taken; the relay's throughput is then read from aws' sent counter
 * ({@code bench.py relay-watch}).</li>
 * <li>{@code file PATH PROVIDER COUNT}: writes them one per line, for the Emitter.send baseline to send the same
 * messages.</li>
 * </ul>
 */
public final class OutboxFill {

    public static void main(String[] args) throws Exception {
        boolean toDatabase = args[0].equals("db");
        String provider = toDatabase ? args[4] : args[2];
        int count = Integer.parseInt(toDatabase ? args[5] : args[3]);
        BenchEvents events = new BenchEvents(provider);
        if (!toDatabase) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
                for (int i = 0; i < count; i++) {
                    out.println(events.toJson(decision(events, i, Instant.now())));
                }
            }
            return;
        }
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into outbox_event "
                    + "(seq, event_id, type, subject, envelope, created_at, attempts) "
                    + "values (nextval('outbox_event_seq'), ?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    Instant now = Instant.now();
                    ObjectNode signed = decision(events, i, now);
                    insert.setString(1, signed.get("id").asText());
                    insert.setString(2, signed.get("type").asText());
                    insert.setString(3, signed.get("subject").asText());
                    insert.setString(4, events.toJson(signed));
                    insert.setTimestamp(5, Timestamp.from(now));
                    insert.addBatch();
                    if (i % 500 == 499) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    /** A warning against a party no store knows, so that peers record the event and open nothing. */
    private static ObjectNode decision(BenchEvents events, int i, Instant now) {
        Party party = new Party("Bench Relay Target " + i, List.of("relay-" + i + ".bench.invalid"), List.of(), List.of());
        return events.signed(party, Action.WARN, "Benchmark event " + i + " of the outbox relay figure", now);
    }
}
