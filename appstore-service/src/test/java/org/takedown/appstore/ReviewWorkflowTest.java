package org.takedown.appstore;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.appstore.Fixtures.ADMIN;
import static org.takedown.appstore.Fixtures.PROBLEM;
import static org.takedown.appstore.Fixtures.REVIEWER;
import static org.takedown.appstore.Fixtures.as;
import static org.takedown.appstore.Fixtures.removal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The case state machine and the decisions on cases the store's own reports opened. */
@QuarkusTest
class ReviewWorkflowTest {

    @Test
    void remediationIsRequestedWithThePolicyWindowAndEscalatesWhenTheDeadlinePassesUnanswered() {
        var dev = Fixtures.developer("Remedy");
        long listing = Fixtures.listing(dev, "app", true);
        long caseId = Fixtures.reportCase(listing);

        String deadline = as(REVIEWER).body(Map.of("policyIds", List.of("ugc-moderation"), "instructions",
                "Add a content filter, reporting and blocking")).post("/reviews/" + caseId + "/remediation")
                .then().statusCode(200).body("state", equalTo("REMEDIATION_REQUESTED"))
                .body("remediationPolicyIds[0]", equalTo("ugc-moderation"))
                .body("assignee", equalTo("reviewer-rita"))
                .extract().path("remediationDeadline");
        String opened = as(REVIEWER).get("/reviews/" + caseId).then().extract().path("openedAt");
        assertEquals(Duration.ofHours(24), Duration.between(Instant.parse(opened), Instant.parse(deadline))
                .plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        // a second request is an illegal transition and changes nothing
        as(REVIEWER).body(Map.of("policyIds", List.of("ugc-moderation"), "instructions", "again"))
                .post("/reviews/" + caseId + "/remediation").then().statusCode(409).contentType(PROBLEM);
        assertEquals(listingCases(listing), 1);

        Fixtures.advanceClock("PT25H");
        as(REVIEWER).get("/reviews/" + caseId).then().statusCode(200)
                .body("state", equalTo("REMEDIATION_REQUESTED")).body("escalated", equalTo(true))
                .body("remediationExpired", equalTo(true)).body("priority", equalTo("URGENT"))
                .body("escalatedAt", notNullValue());
        assertEquals("LIVE", Fixtures.listingStatus(listing), "escalation never decides");
        as(ADMIN).get("/audit?entityType=review_case&entityId=" + caseId).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("review.remediation-expired"));
        as(REVIEWER).get("/reviews?escalated=true&listingId=" + listing).then().body("total", equalTo(1));
    }

    @Test
    void aDeveloperWhoAnswersInTimeIsNotEscalatedAndAnOpenCasePastItsSlaIs() {
        var dev = Fixtures.developer("Answer");
        long listing = Fixtures.listing(dev, "app", true);
        long answered = Fixtures.reportCase(listing);
        long other = Fixtures.listing(dev, "other", true);
        long untouched = Fixtures.reportCase(other);
        as(REVIEWER).body(Map.of("policyIds", List.of("ugc-moderation"), "instructions", "Moderate",
                "deadlineHours", 48)).post("/reviews/" + answered + "/remediation").then().statusCode(200);

        var stranger = Fixtures.developer("NotMine");
        as(stranger.token()).body(Map.of("summary", "not mine")).post("/reviews/" + answered + "/remediation-response")
                .then().statusCode(404);
        as(dev.token()).body(Map.of("summary", "We added a filter and 24h moderation", "version", "1.5.0"))
                .post("/reviews/" + answered + "/remediation-response").then().statusCode(200)
                .body("developerResponse", containsString("filter"));
        as(dev.token()).body(Map.of("summary", "again")).post("/reviews/" + answered + "/remediation-response")
                .then().statusCode(409);
        as(dev.token()).body(Map.of("summary", "open case")).post("/reviews/" + untouched + "/remediation-response")
                .then().statusCode(409);

        Fixtures.advanceClock("PT73H");
        as(REVIEWER).get("/reviews/" + answered).then().body("escalated", equalTo(false))
                .body("remediationExpired", equalTo(false));
        as(REVIEWER).get("/reviews/" + untouched).then().body("state", equalTo("OPEN"))
                .body("escalated", equalTo(true)).body("slaBreached", equalTo(true));
        as(dev.token()).get("/listings/" + listing).then().body("version", equalTo("1.5.0"));
    }

    @Test
    void aRemovalNeedsTheStoresPolicyAndEvidenceTheReviewerExamined() {
        var dev = Fixtures.developer("Remove");
        long listing = Fixtures.listing(dev, "app", true);
        long caseId = Fixtures.reportCase(listing);

        as(REVIEWER).body(removal(Map.of("examinedEvidence", List.of()))).post("/reviews/" + caseId + "/decision")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("examinedEvidence"))
                .body("detail", containsString("examined themselves"));
        as(REVIEWER).body(removal(Map.of("examinedEvidence", List.of(), "relyOnPeerOnly", true)))
                .post("/reviews/" + caseId + "/decision").then().statusCode(422)
                .body("errors[0].field", equalTo("relyOnPeerOnly"));
        as(REVIEWER).body(removal(Map.of("policyIds", List.of("aup-1.2")))).post("/reviews/" + caseId + "/decision")
                .then().statusCode(422).body("errors[0].field", equalTo("policyIds"));
        as(REVIEWER).body(removal(Map.of("policyIds", List.of()))).post("/reviews/" + caseId + "/decision")
                .then().statusCode(422).body("errors[0].field", equalTo("policyIds"));
        as(REVIEWER).body(removal(Map.of("peerOpinion", "AGREE", "opinionRationale", "x")))
                .post("/reviews/" + caseId + "/decision").then().statusCode(422)
                .body("errors[0].field", equalTo("peerOpinion"));
        as(REVIEWER).body(removal(Map.of("action", "DELETE"))).post("/reviews/" + caseId + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        as(REVIEWER).body(removal(Map.of("facts", ""))).post("/reviews/" + caseId + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("facts"));
        as(REVIEWER).body(removal(Map.of("examinedEvidence", List.of(Map.of("uri", "x", "sha256", "abc")))))
                .post("/reviews/" + caseId + "/decision").then().statusCode(400);
        assertEquals("LIVE", Fixtures.listingStatus(listing), "refusals change nothing");
        as(REVIEWER).get("/reviews/" + caseId).then().body("state", equalTo("OPEN")).body("version", equalTo(0));

        String decisionId = as(REVIEWER).body(removal(Map.of())).post("/reviews/" + caseId + "/decision")
                .then().statusCode(201).header("Location", containsString("/decisions/"))
                .body("id", notNullValue()).body("action", equalTo("REMOVE_LISTING"))
                .body("statement.groundReference", equalTo("App Store Review Guidelines"))
                .body("statement.clauses[0].id", equalTo("ugc-moderation"))
                .body("statement.clauses[0].text", containsString("content filter"))
                .body("statement.detectionSource", equalTo("USER_NOTICE"))
                .body("statement.automatedDecision", equalTo(false))
                .body("examinedEvidence[0].sha256", equalTo(Fixtures.EVIDENCE_SHA))
                .body("basedOn.size()", equalTo(0)).body("published", equalTo(true))
                .body("appealDeadline", notNullValue()).body("decidedBy", equalTo("reviewer-rita"))
                .extract().path("decisionId");
        assertEquals("REMOVED", Fixtures.listingStatus(listing));
        as(REVIEWER).get("/reviews/" + caseId).then().body("state", equalTo("CONCLUDED"))
                .body("outcomeDecisionId", equalTo(decisionId)).body("concludedBy", equalTo("reviewer-rita"))
                .body("peerOpinion", nullValue());
        as(REVIEWER).get("/decisions/" + decisionId).then().statusCode(200).body("status", equalTo("IN_FORCE"));
        as(REVIEWER).body(removal(Map.of())).post("/reviews/" + caseId + "/decision").then().statusCode(409);
        as(REVIEWER).get("/decisions?listingId=" + listing).then().body("total", equalTo(1));
    }

    @Test
    void restrictKeepReinstateAndRequireRemediationFollowTheListingStateMachine() {
        var dev = Fixtures.developer("Machine");
        long listing = Fixtures.listing(dev, "app", true);

        long first = Fixtures.reportCase(listing);
        as(REVIEWER).body(Map.of("action", "REINSTATE", "policyIds", List.of("ugc-moderation"), "facts", "n/a"))
                .post("/reviews/" + first + "/decision").then().statusCode(409).contentType(PROBLEM);
        as(REVIEWER).body(Map.of("action", "REQUIRE_REMEDIATION", "policyIds", List.of("ugc-moderation"),
                "category", "INSUFFICIENT_MODERATION", "facts", "No block feature", "deadlineHours", 12))
                .post("/reviews/" + first + "/decision").then().statusCode(201)
                .body("action", equalTo("REQUIRE_REMEDIATION")).body("remediationDeadline", notNullValue())
                .body("published", equalTo(false));
        as(REVIEWER).get("/reviews/" + first).then().body("state", equalTo("REMEDIATION_REQUESTED"));
        as(REVIEWER).body(Map.of("action", "REQUIRE_REMEDIATION", "policyIds", List.of("ugc-moderation"),
                "category", "INSUFFICIENT_MODERATION", "facts", "again")).post("/reviews/" + first + "/decision")
                .then().statusCode(409);
        as(REVIEWER).body(Map.of("action", "RESTRICT_LISTING", "policyIds", List.of("ugc-moderation"),
                "category", "INSUFFICIENT_MODERATION", "facts", "Hidden from search until the block feature ships",
                "examinedEvidence", List.of(Fixtures.evidence()))).post("/reviews/" + first + "/decision")
                .then().statusCode(201).body("action", equalTo("RESTRICT_LISTING"));
        assertEquals("RESTRICTED", Fixtures.listingStatus(listing));

        long second = Fixtures.reportCase(listing);
        as(REVIEWER).body(Map.of("action", "RESTRICT_LISTING", "policyIds", List.of("ugc-moderation"),
                "category", "SPAM", "facts", "x", "examinedEvidence", List.of(Fixtures.evidence())))
                .post("/reviews/" + second + "/decision").then().statusCode(409);
        as(REVIEWER).body(Map.of("action", "KEEP", "facts", "The new reports repeat the old ones"))
                .post("/reviews/" + second + "/decision").then().statusCode(201).body("action", equalTo("KEEP"))
                .body("published", equalTo(false));
        assertEquals("RESTRICTED", Fixtures.listingStatus(listing));

        long third = Fixtures.reportCase(listing);
        as(REVIEWER).body(Map.of("action", "REINSTATE", "policyIds", List.of("ugc-moderation"),
                "facts", "Blocking shipped in 1.6")).post("/reviews/" + third + "/decision").then().statusCode(201)
                .body("action", equalTo("REINSTATE")).body("published", equalTo(true));
        assertEquals("REINSTATED", Fixtures.listingStatus(listing));
        as(REVIEWER).get("/decisions?listingId=" + listing + "&action=RESTRICT_LISTING").then()
                .body("items[0].status", equalTo("SUPERSEDED"));
    }

    @Test
    void aStaleVersionIsAConflictAndAssignmentIsRecorded() {
        var dev = Fixtures.developer("Locking");
        long listing = Fixtures.listing(dev, "app", true);
        long caseId = Fixtures.reportCase(listing);

        as(REVIEWER).header("If-Match", "0").body(Map.of("assignee", "reviewer-otto"))
                .put("/reviews/" + caseId + "/assignee").then().statusCode(200)
                .body("assignee", equalTo("reviewer-otto")).body("version", equalTo(1));
        as(REVIEWER).header("If-Match", "0").body(removal(Map.of())).post("/reviews/" + caseId + "/decision")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("version"));
        as(REVIEWER).header("If-Match", "abc").body(removal(Map.of())).post("/reviews/" + caseId + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        assertEquals("LIVE", Fixtures.listingStatus(listing));
        as(REVIEWER).header("If-Match", "\"1\"").body(removal(Map.of())).post("/reviews/" + caseId + "/decision")
                .then().statusCode(201);
        as(REVIEWER).get("/reviews?assignee=reviewer-otto&listingId=" + listing).then().body("total", equalTo(1));
    }

    @Test
    void twoReviewersDecidingTheSameCaseAtOnceGetOneDecisionAndOneConflict() throws Exception {
        var dev = Fixtures.developer("Race");
        long listing = Fixtures.listing(dev, "app", true);
        long caseId = Fixtures.reportCase(listing);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> decide = () -> {
                start.await();
                return as(REVIEWER).body(removal(Map.of())).post("/reviews/" + caseId + "/decision").statusCode();
            };
            var first = pool.submit(decide);
            var second = pool.submit(decide);
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>(List.of(first.get(), second.get()));
            java.util.Collections.sort(statuses);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        as(REVIEWER).get("/decisions?listingId=" + listing).then().body("total", equalTo(1));
    }

    @Test
    void onlyReviewersWorkCasesAndDevelopersSeeOnlyTheirOwn() {
        var dev = Fixtures.developer("CaseRoles");
        var other = Fixtures.developer("CaseOther");
        long listing = Fixtures.listing(dev, "app", true);
        long caseId = Fixtures.reportCase(listing);
        Fixtures.reportCase(Fixtures.listing(other, "app", true));

        as(ADMIN).body(removal(Map.of())).post("/reviews/" + caseId + "/decision").then().statusCode(403);
        as(dev.token()).body(removal(Map.of())).post("/reviews/" + caseId + "/decision").then().statusCode(403);
        as(Fixtures.REPORTER).get("/reviews").then().statusCode(403);
        as(dev.token()).body(Map.of("policyIds", List.of("ugc-moderation"), "instructions", "x"))
                .post("/reviews/" + caseId + "/remediation").then().statusCode(403);
        as(dev.token()).get("/reviews/" + caseId).then().statusCode(200);
        as(other.token()).get("/reviews/" + caseId).then().statusCode(404).contentType(PROBLEM);
        as(other.token()).get("/reviews").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].developerId", equalTo((int) other.id()));
        as(REVIEWER).get("/reviews/987654321").then().statusCode(404);
        as(REVIEWER).get("/reviews?state=NOPE").then().statusCode(400).body("errors[0].field", equalTo("state"));
        as(REVIEWER).get("/reviews?size=501").then().statusCode(400);
    }

    private static int listingCases(long listing) {
        return as(REVIEWER).get("/reviews?listingId=" + listing).then().extract().path("total");
    }
}
