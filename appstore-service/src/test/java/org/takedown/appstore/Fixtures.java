package org.takedown.appstore;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.specification.RequestSpecification;

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.Contact;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionReversed;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EventPayload;
import org.takedown.common.event.EvidenceRef;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Party;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.DevKeys;
import org.takedown.testkit.LocalBroker;
import org.takedown.testkit.Tokens;

/** Tokens, records and peer events the tests share. Every test makes its own developers, so tests do not interfere. */
final class Fixtures {

    static final String ADMIN = Tokens.staff("admin-ada", "admin");
    static final String REVIEWER = Tokens.staff("reviewer-rita", "reviewer");
    static final String OTHER_REVIEWER = Tokens.staff("reviewer-otto", "reviewer");
    static final String REPORTER = Tokens.staff("reporter-rob", "reporter");
    static final String PROBLEM = "application/problem+json";
    static final String EVIDENCE_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** A developer that exists only for the calling test, with a unique legal name and domain. */
    record Dev(long id, String legalName, String domain, String token) {
        String bundle(String app) {
            return "com." + domain.replace(".example", "").replace("-", "") + "." + app;
        }
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static Dev developer(String name) {
        int n = SEQ.incrementAndGet();
        String legalName = name + " " + n + " LLC";
        String domain = name.toLowerCase() + "-" + n + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        long id = ((Number) as(ADMIN).body(Map.of("legalName", legalName, "domains", List.of(domain), "contacts",
                List.of(Map.of("role", "chief-policy-officer", "name", "Amy", "email", "policy@" + domain))))
                .post("/developers").then().statusCode(201).extract().path("id")).longValue();
        return new Dev(id, legalName, domain, Tokens.tenant("dev-" + n, String.valueOf(id), "developer"));
    }

    static long listing(Dev dev, String app, boolean ugc) {
        return ((Number) as(ADMIN).body(Map.of("appName", app, "bundleId", dev.bundle(app), "platform", "IOS",
                "version", "1.0", "hostsUserContent", ugc)).post("/developers/" + dev.id() + "/listings")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    static String listingStatus(long listingId) {
        return as(REVIEWER).get("/listings/" + listingId).then().statusCode(200).extract().path("status");
    }

    static long reportCase(long listingId) {
        return ((Number) as(REPORTER).body(Map.of("listingId", listingId, "category", "INSUFFICIENT_MODERATION",
                "contentUrl", "https://example.org/post/" + UUID.randomUUID(), "evidenceSha256", EVIDENCE_SHA))
                .post("/reports").then().statusCode(201).extract().path("reviewCaseId")).longValue();
    }

    static Map<String, Object> evidence() {
        return Map.of("uri", "https://example.org/post/" + SEQ.incrementAndGet(), "sha256", EVIDENCE_SHA,
                "excerpt", "a threat left up for three days", "observedAt", "2021-01-09T12:00:00Z");
    }

    static Map<String, Object> removal(Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("action", "REMOVE_LISTING", "policyIds",
                List.of("ugc-moderation"), "category", "INSUFFICIENT_MODERATION", "facts",
                "Reviewed 40 posts in the app; threats stayed up for days after reports", "examinedEvidence",
                List.of(evidence())));
        body.putAll(extra);
        return body;
    }

    static void advanceClock(String by) {
        as(ADMIN).body(Map.of("by", by)).post("/admin/clock/advance").then().statusCode(200);
    }

    // --- peers' events, signed with their development keys and sent straight to the shared address

    static DecisionIssued hostingSuspension(Party party) {
        Instant now = Instant.now();
        StatementOfReasons reasons = new StatementOfReasons(Ground.TERMS_OF_SERVICE, "AWS Acceptable Use Policy",
                List.of(new PolicyClause("aup-1.2", "No content that encourages or incites violence")),
                Category.VIOLENCE_INCITEMENT, "98 posts encouraged violence; the volume grew after each notice",
                DetectionSource.TRUSTED_FLAGGER, false, false, now, null);
        return new DecisionIssued(UUID.randomUUID().toString(), party, Action.SUSPEND, DecisionScope.account(),
                reasons, List.of(new EvidenceRef("https://parler.example/post/1", "a".repeat(64), "excerpt", now)),
                List.of(), "aws-reviewer-7", now);
    }

    static Party party(Dev dev) {
        return new Party(dev.legalName(), List.of(dev.domain()), List.of(),
                List.of(new Contact("chief-policy-officer", "Amy", "policy@" + dev.domain())));
    }

    static DecisionReversed reversalOf(DecisionIssued decision) {
        return new DecisionReversed(UUID.randomUUID().toString(), decision.decisionId(), decision.party(),
                ReversalReason.COURT_ORDER, "The court ordered the account restored", "Case 21-0031",
                "aws-admin", Instant.now());
    }

    static String signed(EventCodec codec, String provider, EventPayload payload) {
        EventSigner signer = new EventSigner(Ed25519Keys.privateKey(DevKeys.signingPrivateKey(provider)),
                Ed25519Keys.publicKey(DevKeys.signingPublicKey(provider)));
        return codec.toJson(signer.sign(codec.envelope(provider, payload, Instant.now())));
    }

    static void send(String json) {
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, json);
    }

    /**
     * A subscription on the shared address read by one long-lived AMQP receiver that keeps every message. (The
     * testkit's one-shot receive() accepts every prefetched message but returns only the first, so bursts of events
     * would be lost.)
     */
    static final class Watch {
        private final EventCodec codec;
        private final java.util.concurrent.BlockingQueue<String> arrived = new java.util.concurrent.LinkedBlockingQueue<>();
        private final List<ObjectNode> unclaimed = new java.util.ArrayList<>();

        Watch(String queue, EventCodec codec) {
            this.codec = codec;
            BrokerResource.broker().subscribe(queue);
            io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
            try {
                var client = io.vertx.amqp.AmqpClient.create(vertx, new io.vertx.amqp.AmqpClientOptions()
                        .setHost("127.0.0.1").setPort(BrokerResource.broker().port()));
                var connection = client.connect().toCompletionStage().toCompletableFuture()
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
                var receiver = connection.createReceiver(LocalBroker.EVENTS_ADDRESS + "::" + queue)
                        .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
                receiver.handler(message -> arrived.add(message.bodyAsString()));
            } catch (Exception e) {
                throw new IllegalStateException("Could not watch " + queue, e);
            }
        }

        /**
         * Takes every matching event that arrived before the one {@code await} last returned, so a test can prove
         * that nothing more was published ahead of a later event.
         */
        List<ObjectNode> claimEarlier(String type, java.util.function.Predicate<ObjectNode> data) {
            String ceType = "org.takedown." + type + ".v1";
            List<ObjectNode> claimed = new java.util.ArrayList<>();
            for (var it = unclaimed.iterator(); it.hasNext();) {
                ObjectNode event = it.next();
                if (event.get("type").asText().equals(ceType) && data.test((ObjectNode) event.get("data"))) {
                    it.remove();
                    claimed.add(event);
                }
            }
            return claimed;
        }

        ObjectNode await(String type, java.util.function.Predicate<ObjectNode> data) throws Exception {
            String ceType = "org.takedown." + type + ".v1";
            for (var it = unclaimed.iterator(); it.hasNext();) {
                ObjectNode event = it.next();
                if (event.get("type").asText().equals(ceType) && data.test((ObjectNode) event.get("data"))) {
                    it.remove();
                    return event;
                }
            }
            while (true) {
                String body = arrived.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                if (body == null) {
                    throw new AssertionError(type + " never reached the broker; read instead: " + unclaimed.stream()
                            .map(e -> e.get("type").asText() + " " + e.get("data")).toList());
                }
                ObjectNode event = codec.parse(body);
                if (event.get("type").asText().equals(ceType) && data.test((ObjectNode) event.get("data"))) {
                    return event;
                }
                unclaimed.add(event);
            }
        }
    }
}
