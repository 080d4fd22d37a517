import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.Validator;

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EvidenceRef;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Party;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;
import org.takedown.testkit.DevKeys;

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
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // payloads below are built valid; the codec's validator is only consulted to refuse invalid ones
        Validator accepting = (Validator) Proxy.newProxyInstance(Validator.class.getClassLoader(),
                new Class<?>[] { Validator.class }, (proxy, method, arguments) -> Set.of());
        EventCodec codec = new EventCodec(mapper, accepting);
        EventSigner signer = new EventSigner(Ed25519Keys.privateKey(DevKeys.signingPrivateKey(provider)),
                Ed25519Keys.publicKey(DevKeys.signingPublicKey(provider)));
        if (!toDatabase) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
                for (int i = 0; i < count; i++) {
                    Instant now = Instant.now();
                    out.println(codec.toJson(signer.sign(codec.envelope(provider, decision(i, now), now))));
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
                    ObjectNode signed = signer.sign(codec.envelope(provider, decision(i, now), now));
                    insert.setString(1, signed.get("id").asText());
                    insert.setString(2, signed.get("type").asText());
                    insert.setString(3, signed.get("subject").asText());
                    insert.setString(4, codec.toJson(signed));
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
    private static DecisionIssued decision(int i, Instant now) {
        StatementOfReasons reasons = new StatementOfReasons(Ground.TERMS_OF_SERVICE, "Bench Acceptable Use Policy",
                List.of(new PolicyClause("bench-1", "Benchmark traffic only")), Category.VIOLENCE_INCITEMENT,
                "Benchmark event " + i + " of the outbox relay figure", DetectionSource.AUTOMATED_DETECTION, true, true,
                now, null);
        Party party = new Party("Bench Relay Target " + i, List.of("relay-" + i + ".bench.invalid"), List.of(), List.of());
        return new DecisionIssued(UUID.randomUUID().toString(), party, Action.WARN, DecisionScope.account(), reasons,
                List.of(new EvidenceRef("https://relay-" + i + ".bench.invalid/post/" + i, "b".repeat(64), "bench", now)),
                List.of(), "bench", now);
    }
}
