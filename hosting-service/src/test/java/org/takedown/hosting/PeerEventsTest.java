package org.takedown.hosting;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.REVIEWER;
import static org.takedown.hosting.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.Contact;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EventPayload;
import org.takedown.common.event.EvidenceRef;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Opinion;
import org.takedown.common.event.Party;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.ReviewConcluded;
import org.takedown.common.event.ScopeKind;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.DevKeys;
import org.takedown.testkit.LocalBroker;

@QuarkusTest
class PeerEventsTest {

    static final String PEER_EVIDENCE = "b".repeat(64);

    @Inject
    EventCodec codec;

    @Test
    void aPeersDecisionOpensOneIndependentReviewAndLeavesTheCustomerAlone() throws Exception {
        String domain = Api.uniqueDomain("peer");
        long customer = Api.customer("Peer LLC", domain);
        String peerDecisionId = UUID.randomUUID().toString();
        String event = signed("apple", removal(peerDecisionId, "Peer LLC", domain));

        EventWatch watch = EventWatch.open(codec);
        send(event);
        long reviewId = awaitReview(customer);
        // the peer's decision, then our one review.opened, which left through the outbox
        List<ObjectNode> published = watch.next(2);
        assertEquals(1, published.stream().filter(e -> e.get("type").asText().equals("org.takedown.review.opened.v1")
                && e.toString().contains(peerDecisionId)).count(), "one review.opened left: " + published);

        as(REVIEWER).get("/peer-reviews/" + reviewId).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("peerProvider", equalTo("apple"))
                .body("peerAction", equalTo("REMOVE_LISTING")).body("matchedBy", hasItem("domain:" + domain))
                .body("peerDecision.statement.facts", equalTo("The app hosts posts inciting violence"));
        as(ADMIN).get("/customers/" + customer).then().body("status", equalTo("ACTIVE")).body("strikes", equalTo(0));

        // the same event redelivered, and the same decision in a new envelope, open nothing more
        send(event);
        send(signed("apple", removal(peerDecisionId, "Peer LLC", domain)));
        long marker = Api.customer("Marker LLC", Api.uniqueDomain("marker"));
        String markerDomain = as(ADMIN).get("/customers/" + marker).then().extract().path("domains[0]");
        send(signed("google", removal(UUID.randomUUID().toString(), "Marker LLC", markerDomain)));
        awaitReview(marker);
        as(REVIEWER).get("/peer-reviews?customerId=" + customer).then().body("total", equalTo(1));
    }

    @Test
    void aPeersDecisionAboutSomeoneWeDoNotHostOpensNothing() {
        String peerDecisionId = UUID.randomUUID().toString();
        send(signed("apple", removal(peerDecisionId, "Nobody Here Inc", Api.uniqueDomain("nobody"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) as(ADMIN)
                .get("/audit?entityType=peer-decision&entityId=" + peerDecisionId).then()
                .extract().path("total")).intValue() == 1);
        as(REVIEWER).get("/peer-reviews?size=500").then()
                .body("items.peerDecisionId", org.hamcrest.Matchers.not(hasItem(peerDecisionId)));
    }

    @Test
    void theReviewerConcludesWhichEmitsReviewConcluded() throws Exception {
        String domain = Api.uniqueDomain("conclude");
        long customer = Api.customer("Conclude LLC", domain);
        String peerDecisionId = UUID.randomUUID().toString();
        send(signed("apple", removal(peerDecisionId, "Conclude LLC", domain)));
        long reviewId = awaitReview(customer);

        as(REVIEWER).body(Map.of("opinion", "PERHAPS", "rationale", "x"))
                .post("/peer-reviews/" + reviewId + "/conclusion").then().statusCode(400)
                .body("errors[0].field", equalTo("opinion"));
        as(REVIEWER).body(Map.of("opinion", "AGREE")).post("/peer-reviews/" + reviewId + "/conclusion")
                .then().statusCode(400).body("errors[0].field", equalTo("rationale"));
        as(ADMIN).body(Map.of("opinion", "AGREE", "rationale", "x")).post("/peer-reviews/" + reviewId + "/conclusion")
                .then().statusCode(403);

        EventWatch watch = EventWatch.open(codec);
        as(REVIEWER).body(Map.of("opinion", "INSUFFICIENT_EVIDENCE", "rationale", "We saw no such posts on our host"))
                .post("/peer-reviews/" + reviewId + "/conclusion").then().statusCode(200)
                .body("state", equalTo("CONCLUDED")).body("opinion", equalTo("INSUFFICIENT_EVIDENCE"));
        ObjectNode concluded = watch.next(e -> e.get("type").asText().equals("org.takedown.review.concluded.v1"));
        assertEquals(peerDecisionId, concluded.at("/data/peerDecisionId").asText());
        assertEquals("apple", concluded.at("/data/peerProvider").asText());
        assertEquals("INSUFFICIENT_EVIDENCE", concluded.at("/data/opinion").asText());

        as(REVIEWER).body(Map.of("opinion", "AGREE", "rationale", "changed my mind"))
                .post("/peer-reviews/" + reviewId + "/conclusion").then().statusCode(409);
        as(REVIEWER).get("/peer-reviews?state=CONCLUDED&customerId=" + customer).then().body("total", equalTo(1));
        as(REVIEWER).get("/peer-reviews?state=OPEN&customerId=" + customer).then().body("total", equalTo(0));
        as(REVIEWER).get("/peer-reviews?state=MAYBE").then().statusCode(400).body("errors[0].field", equalTo("state"));
        assertEquals("ACTIVE", Api.customerStatus(customer));
    }

    @Test
    void actingOnAPeersDecisionNeedsOwnEvidenceAndCitesItInBasedOn() {
        String domain = Api.uniqueDomain("act");
        long customer = Api.customer("Act LLC", domain);
        String peerDecisionId = UUID.randomUUID().toString();
        send(signed("apple", removal(peerDecisionId, "Act LLC", domain)));
        long reviewId = awaitReview(customer);

        as(REVIEWER).body(Api.decision("WARN", null, Map.of("basedOn", List.of(peerDecisionId),
                "evidence", List.of(Map.of("uri", "https://apps.apple.com/parler", "sha256", PEER_EVIDENCE)))))
                .post("/customers/" + customer + "/decisions").then().statusCode(422)
                .body("errors[0].field", equalTo("evidence"));
        String unrelated = DecisionTest.decide(customer, Api.decision("WARN", null, Map.of()));
        as(REVIEWER).body(Map.of("opinion", "AGREE", "rationale", "x", "ownDecisionId", unrelated))
                .post("/peer-reviews/" + reviewId + "/conclusion").then().statusCode(422)
                .body("errors[0].field", equalTo("ownDecisionId"));

        String own = as(REVIEWER).body(Api.decision("RESTRICT", null, Map.of("basedOn", List.of(peerDecisionId),
                "scope", Map.of("kind", "RESOURCES", "targets", List.of("api." + domain)))))
                .post("/customers/" + customer + "/decisions").then().statusCode(201)
                .body("basedOn", equalTo(List.of(peerDecisionId)))
                .body("statement.detectionSource", equalTo("PEER_PROVIDER")).extract().path("decisionId");
        as(REVIEWER).body(Map.of("opinion", "AGREE", "rationale", "Our own reports confirm it", "ownDecisionId", own))
                .post("/peer-reviews/" + reviewId + "/conclusion").then().statusCode(200)
                .body("ownDecisionId", equalTo(own));
    }

    @Test
    void aPeersConclusionAboutOurDecisionIsRecordedWithIt() {
        String domain = Api.uniqueDomain("opinion");
        long customer = Api.customer("Opinion LLC", domain);
        String ours = DecisionTest.decide(customer, Api.decision("WARN", null, Map.of()));
        Party party = new Party("Opinion LLC", List.of(domain), List.of(), List.of());
        String reviewId = UUID.randomUUID().toString();
        String event = signed("google", new ReviewConcluded(reviewId, party, "aws", ours, Opinion.AGREE,
                "Same posts seen on our store", null, "google-reviewer", Instant.now()));
        send(event);
        send(event);
        // about another provider's decision: not ours to keep
        send(signed("google", new ReviewConcluded(UUID.randomUUID().toString(), party, "apple", ours,
                Opinion.DISAGREE, "n/a", null, "google-reviewer", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> ((List<?>) as(REVIEWER)
                .get("/decisions/" + ours + "/peer-opinions").then().statusCode(200).extract().path("")).size() == 1);
        as(ADMIN).get("/decisions/" + ours + "/peer-opinions").then().body("", hasSize(1))
                .body("[0].peerProvider", equalTo("google")).body("[0].opinion", equalTo("AGREE"))
                .body("[0].rationale", equalTo("Same posts seen on our store"));
        as(Api.customerToken(customer)).get("/decisions/" + ours + "/peer-opinions").then().statusCode(403);
        as(REVIEWER).get("/decisions/unknown/peer-opinions").then().statusCode(404);
    }

    static DecisionIssued removal(String decisionId, String legalName, String domain) {
        Instant now = Instant.now();
        StatementOfReasons reasons = new StatementOfReasons(Ground.TERMS_OF_SERVICE, "App Store Review Guidelines",
                List.of(new PolicyClause("1.1.1", "Defamatory, discriminatory, or mean-spirited content")),
                Category.VIOLENCE_INCITEMENT, "The app hosts posts inciting violence", DetectionSource.OWN_INITIATIVE,
                false, false, now, null);
        return new DecisionIssued(decisionId, new Party(legalName, List.of(domain), List.of("com." + legalName.hashCode()),
                List.of(new Contact("developer", "Dev", "dev@" + domain))), Action.REMOVE_LISTING,
                new DecisionScope(ScopeKind.LISTINGS, List.of("com.example.app")), reasons,
                List.of(new EvidenceRef("https://apps.apple.com/parler", PEER_EVIDENCE, "post", now)), List.of(),
                "apple-reviewer", now);
    }

    String signed(String provider, EventPayload payload) {
        EventSigner signer = new EventSigner(Ed25519Keys.privateKey(DevKeys.signingPrivateKey(provider)),
                Ed25519Keys.publicKey(DevKeys.signingPublicKey(provider)));
        return codec.toJson(signer.sign(codec.envelope(provider, payload, Instant.now())));
    }

    static void send(String event) {
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, event);
    }

    static long awaitReview(long customer) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) as(REVIEWER)
                .get("/peer-reviews?customerId=" + customer).then().extract().path("total")).intValue() > 0);
        return ((Number) as(REVIEWER).get("/peer-reviews?customerId=" + customer).then()
                .extract().path("items[0].id")).longValue();
    }
}
