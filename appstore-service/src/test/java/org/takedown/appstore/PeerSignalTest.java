package org.takedown.appstore;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.takedown.appstore.Fixtures.PROBLEM;
import static org.takedown.appstore.Fixtures.REVIEWER;
import static org.takedown.appstore.Fixtures.as;
import static org.takedown.appstore.Fixtures.removal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.Party;
import org.takedown.testkit.BrokerResource;

/** Peers' decisions over the real broker: they open independent reviews here, and never act on their own. */
@QuarkusTest
class PeerSignalTest {

    static final String WATCH = "appstore-peer-signal-test-watch";

    @Inject
    EventCodec codec;

    static Fixtures.Watch watch;

    @BeforeAll
    static void subscribe() {
        watch = null;
    }

    Fixtures.Watch watch() {
        if (watch == null) {
            watch = new Fixtures.Watch(WATCH, codec);
        }
        return watch;
    }

    @Test
    void aHostingSuspensionOfADeveloperWithTwoListingsOpensTwoReviewsAndRemovesNothing() throws Exception {
        watch();
        var dev = Fixtures.developer("Parler");
        long app = Fixtures.listing(dev, "parler", true);
        long other = Fixtures.listing(dev, "parlerlite", false);
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(dev));

        Fixtures.send(Fixtures.signed(codec, "aws", suspension));

        JsonPath cases = awaitCases(suspension.decisionId(), 2);
        assertEquals(List.of("PEER_SIGNAL", "PEER_SIGNAL"), cases.getList("items.trigger"));
        assertEquals(List.of("OPEN", "OPEN"), cases.getList("items.state"));
        assertEquals(List.of("aws", "aws"), cases.getList("items.peerProvider"));
        assertTrue(cases.getList("items.listingId", Integer.class).containsAll(List.of((int) app, (int) other)));
        assertEquals(List.of("legalName:" + dev.legalName(), "domain:" + dev.domain()),
                cases.getList("items[0].matchedBy"));
        assertEquals("LIVE", Fixtures.listingStatus(app));
        assertEquals("LIVE", Fixtures.listingStatus(other));

        int caseId = cases.getInt("items.find { it.listingId == " + app + " }.id");
        as(REVIEWER).get("/reviews/" + caseId).then().statusCode(200)
                .body("peerStatement.decisionId", equalTo(suspension.decisionId()))
                .body("peerStatement.statement.facts", containsString("98 posts"))
                .body("peerStatement.action", equalTo("SUSPEND"))
                .body("priority", equalTo("HIGH")).body("slaDeadline", notNullValue());
        // the statement is stored once, with the signal, and each case it opened shows it
        int otherCaseId = cases.getInt("items.find { it.listingId == " + other + " }.id");
        as(REVIEWER).get("/reviews/" + otherCaseId).then().statusCode(200)
                .body("peerStatement.decisionId", equalTo(suspension.decisionId()))
                .body("peerStatement.statement.facts", containsString("98 posts"));
        as(REVIEWER).get("/peer-signals?outcome=MATCHED&peerDecisionId=" + suspension.decisionId()).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].matches.size()", equalTo(2))
                .body("items[0].peerProvider", equalTo("aws"))
                .body("items[0].matches.matchedBy.flatten()", hasItem("domain:" + dev.domain()));
        watch().await("review.opened", data -> data.get("peerDecisionId").asText().equals(suspension.decisionId())
                && data.get("matchedBy").toString().contains(dev.domain()));
    }

    /** The developer, its domains and its contacts are read in one query, whose rows repeat each of them. */
    @Test
    void aMatchedDeveloperReachesPeersWithEachDomainAndContactOnceInTheOrderRegistered() throws Exception {
        watch();
        String domain = "twofold-" + System.nanoTime() + ".example";
        String legalName = "Twofold " + System.nanoTime() + " Inc";
        long id = ((Number) as(Fixtures.ADMIN).body(Map.of("legalName", legalName,
                "domains", List.of(domain, "www." + domain),
                "contacts", List.of(Map.of("role", "legal", "email", "legal@" + domain),
                        Map.of("role", "abuse", "name", "Ann", "email", "abuse@" + domain))))
                .post("/developers").then().statusCode(201).extract().path("id")).longValue();
        Fixtures.listing(new Fixtures.Dev(id, legalName, domain, null), "app", false);
        DecisionIssued suspension = Fixtures.hostingSuspension(new Party(legalName, List.of(domain), List.of(),
                List.of()));

        Fixtures.send(Fixtures.signed(codec, "aws", suspension));

        JsonNode party = watch().await("review.opened",
                data -> data.get("peerDecisionId").asText().equals(suspension.decisionId())).get("data").get("party");
        assertEquals(List.of("legal", "abuse"), party.findValuesAsText("role"));
        assertEquals(List.of("legal@" + domain, "abuse@" + domain), party.findValuesAsText("email"));
        assertEquals(2, party.get("domains").size());
        as(Fixtures.ADMIN).get("/developers/" + id).then().statusCode(200)
                .body("contacts.role", contains("legal", "abuse"));
    }

    @Test
    void aSubjectMatchingNothingIsRecordedAsIgnoredAndABundleIdMatchesOnlyItsListing() {
        var dev = Fixtures.developer("Bundled");
        long app = Fixtures.listing(dev, "app", true);
        Fixtures.listing(dev, "otherapp", true);
        DecisionIssued stranger = Fixtures.hostingSuspension(new Party("Nobody We Know " + System.nanoTime() + " Ltd",
                List.of("nobody-" + System.nanoTime() + ".example"), List.of("com.nobody.app"), List.of()));
        DecisionIssued byBundle = Fixtures.hostingSuspension(new Party("Some Other Name " + System.nanoTime(),
                List.of(), List.of(dev.bundle("app")), List.of()));

        Fixtures.send(Fixtures.signed(codec, "google", stranger));
        Fixtures.send(Fixtures.signed(codec, "aws", byBundle));

        JsonPath cases = awaitCases(byBundle.decisionId(), 1);
        assertEquals(app, cases.getLong("items[0].listingId"));
        assertEquals(List.of("bundleId:" + dev.bundle("app")), cases.getList("items[0].matchedBy"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(REVIEWER)
                .get("/peer-signals?outcome=IGNORED&peerDecisionId=" + stranger.decisionId()).then()
                .body("total", equalTo(1)).body("items[0].note", containsString("no developer or listing matches"))
                .body("items[0].peerProvider", equalTo("google")));
        as(REVIEWER).get("/reviews?peerDecisionId=" + stranger.decisionId()).then().body("total", equalTo(0));
    }

    @Test
    void aRedeliveredOrRepublishedDecisionOpensNothingTwice() {
        var dev = Fixtures.developer("Twice");
        Fixtures.listing(dev, "app", true);
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(dev));
        String event = Fixtures.signed(codec, "aws", suspension);

        Fixtures.send(event);
        Fixtures.send(event);
        // the same decision again under a new event id, as a peer re-publishing it would send
        Fixtures.send(Fixtures.signed(codec, "aws", suspension));
        awaitCases(suspension.decisionId(), 1);
        // a later event proves the repeats were consumed, not still queued
        DecisionIssued later = Fixtures.hostingSuspension(Fixtures.party(dev));
        Fixtures.send(Fixtures.signed(codec, "aws", later));
        awaitCases(later.decisionId(), 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(REVIEWER)
                .get("/peer-signals?peerDecisionId=" + suspension.decisionId()).then().body("total", equalTo(2)));
        as(REVIEWER).get("/reviews?peerDecisionId=" + suspension.decisionId()).then().body("total", equalTo(1));
    }

    @Test
    void theReviewerMustGiveAnOpinionAndCannotRemoveOnThePeersVerdictAlone() {
        var dev = Fixtures.developer("Opinion");
        long app = Fixtures.listing(dev, "app", true);
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(dev));
        Fixtures.send(Fixtures.signed(codec, "aws", suspension));
        int caseId = awaitCases(suspension.decisionId(), 1).getInt("items[0].id");

        as(REVIEWER).body(removal(Map.of())).post("/reviews/" + caseId + "/decision").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("peerOpinion"));
        as(REVIEWER).body(removal(Map.of("peerOpinion", "AGREE"))).post("/reviews/" + caseId + "/decision")
                .then().statusCode(422).body("errors[0].field", equalTo("opinionRationale"));
        as(REVIEWER).body(removal(Map.of("peerOpinion", "AGREE", "opinionRationale", "AWS says so",
                "examinedEvidence", List.of()))).post("/reviews/" + caseId + "/decision").then().statusCode(422)
                .body("errors[0].field", equalTo("examinedEvidence"));
        as(REVIEWER).body(removal(Map.of("peerOpinion", "AGREE", "opinionRationale", "AWS says so",
                "examinedEvidence", List.of(), "relyOnPeerOnly", true))).post("/reviews/" + caseId + "/decision")
                .then().statusCode(422).body("errors[0].field", equalTo("relyOnPeerOnly"))
                .body("detail", containsString("allow-peer-only-removal=false"));
        assertEquals("LIVE", Fixtures.listingStatus(app));
        as(REVIEWER).get("/reviews/" + caseId).then().body("state", equalTo("OPEN"));
    }

    @Test
    void theReviewersRemovalEmitsReviewConcludedAndDecisionIssuedCitingThePeer() throws Exception {
        watch();
        var dev = Fixtures.developer("Removed");
        long app = Fixtures.listing(dev, "app", true);
        long lite = Fixtures.listing(dev, "lite", false);
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(dev));
        Fixtures.send(Fixtures.signed(codec, "aws", suspension));
        JsonPath cases = awaitCases(suspension.decisionId(), 2);
        int appCase = cases.getInt("items.find { it.listingId == " + app + " }.id");
        int liteCase = cases.getInt("items.find { it.listingId == " + lite + " }.id");

        String decisionId = as(REVIEWER).body(removal(Map.of("peerOpinion", "AGREE", "opinionRationale",
                "We found the same failure of moderation in the app ourselves")))
                .post("/reviews/" + appCase + "/decision").then().statusCode(201)
                .body("basedOn", equalTo(List.of(suspension.decisionId())))
                .body("statement.detectionSource", equalTo("PEER_PROVIDER"))
                .body("peerOpinion", equalTo("AGREE")).extract().path("decisionId");
        as(REVIEWER).body(Map.of("action", "KEEP", "facts", "The lite app has no user content",
                "peerOpinion", "DISAGREE", "opinionRationale", "Nothing in this app is affected"))
                .post("/reviews/" + liteCase + "/decision").then().statusCode(201).body("basedOn.size()", equalTo(0));

        assertEquals("REMOVED", Fixtures.listingStatus(app));
        assertEquals("LIVE", Fixtures.listingStatus(lite));
        var issued = watch().await("decision.issued", d -> d.get("decisionId").asText().equals(decisionId));
        assertEquals("apple", issued.get("source").asText());
        assertEquals("REMOVE_LISTING", issued.at("/data/action").asText());
        assertEquals(suspension.decisionId(), issued.at("/data/basedOn/0").asText());
        assertEquals("ugc-moderation", issued.at("/data/statement/clauses/0/id").asText());
        assertEquals(dev.bundle("app"), issued.at("/data/scope/targets/0").asText());
        var concluded = watch().await("review.concluded", d -> d.get("ownDecisionId") != null
                && d.get("ownDecisionId").asText().equals(decisionId));
        assertEquals("AGREE", concluded.at("/data/opinion").asText());
        assertEquals(suspension.decisionId(), concluded.at("/data/peerDecisionId").asText());
        var kept = watch().await("review.concluded", d -> d.get("opinion").asText().equals("DISAGREE")
                && d.get("peerDecisionId").asText().equals(suspension.decisionId()));
        assertTrue(kept.at("/data/ownDecisionId").isMissingNode() || kept.at("/data/ownDecisionId").isNull());
        as(REVIEWER).get("/reviews?peerDecisionId=" + suspension.decisionId() + "&state=CONCLUDED").then()
                .body("total", equalTo(2)).body("items.peerOpinion", hasItems("AGREE", "DISAGREE"));
    }

    @Test
    void aReversalOfTheCitedDecisionOpensAReReviewAndReinstatesNothingUntilTheReviewerDoes() throws Exception {
        watch();
        var dev = Fixtures.developer("Reversed");
        long app = Fixtures.listing(dev, "app", true);
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(dev));
        Fixtures.send(Fixtures.signed(codec, "aws", suspension));
        int caseId = awaitCases(suspension.decisionId(), 1).getInt("items[0].id");
        String ours = as(REVIEWER).body(removal(Map.of("peerOpinion", "AGREE", "opinionRationale", "Same finding")))
                .post("/reviews/" + caseId + "/decision").then().statusCode(201).extract().path("decisionId");

        String reversal = Fixtures.signed(codec, "aws", Fixtures.reversalOf(suspension));
        Fixtures.send(reversal);
        Fixtures.send(reversal);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(REVIEWER)
                .get("/reviews?trigger=REVERSAL&listingId=" + app).then().body("total", equalTo(1)));
        JsonPath reReview = as(REVIEWER).get("/reviews?trigger=REVERSAL&listingId=" + app).then().extract().jsonPath();
        assertEquals(ours, reReview.getString("items[0].subjectDecisionId"));
        assertEquals(suspension.decisionId(), reReview.getString("items[0].peerDecisionId"));
        assertEquals(List.of("basedOn:" + ours), reReview.getList("items[0].matchedBy"));
        as(REVIEWER).get("/reviews/" + reReview.getInt("items[0].id")).then().statusCode(200)
                .body("peerStatement.decisionId", equalTo(suspension.decisionId()))
                .body("peerStatement.reason", notNullValue());
        assertEquals("REMOVED", Fixtures.listingStatus(app), "a peer's reversal reinstates nothing by itself");
        as(REVIEWER).get("/decisions/" + ours).then().body("status", equalTo("IN_FORCE"));
        // a later event proves the redelivered reversal was consumed, and it opened nothing twice
        DecisionIssued later = Fixtures.hostingSuspension(Fixtures.party(dev));
        Fixtures.send(Fixtures.signed(codec, "aws", later));
        awaitCases(later.decisionId(), 1);
        as(REVIEWER).get("/reviews?trigger=REVERSAL&listingId=" + app).then().body("total", equalTo(1));

        int reReviewId = reReview.getInt("items[0].id");
        as(REVIEWER).body(Map.of("action", "REINSTATE", "policyIds", List.of("ugc-moderation"), "facts",
                "Without AWS's finding our own evidence no longer shows a failure of moderation"))
                .post("/reviews/" + reReviewId + "/decision").then().statusCode(201);
        assertEquals("REINSTATED", Fixtures.listingStatus(app));
        as(REVIEWER).get("/decisions/" + ours).then().body("status", equalTo("REVERSED"))
                .body("reversalReason", equalTo("ERROR"));
        var reversed = watch().await("decision.reversed", d -> d.get("decisionId").asText().equals(ours));
        assertEquals("apple", reversed.get("source").asText());
    }

    @Test
    void thisInstanceReadsTheSharedAddressThroughItsOwnDurableQueue() {
        // the queue is <provider>.<provider>-events: google's instance, configured with its own id, gets its own
        assertTrue(BrokerResource.broker().messageCount("apple.apple-events") >= 0);
    }

    private static JsonPath awaitCases(String peerDecisionId, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(REVIEWER)
                .get("/reviews?peerDecisionId=" + peerDecisionId).then().statusCode(200)
                .body("total", equalTo(expected)));
        return as(REVIEWER).get("/reviews?peerDecisionId=" + peerDecisionId).then().extract().jsonPath();
    }
}
