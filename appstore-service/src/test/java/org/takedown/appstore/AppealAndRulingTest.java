package org.takedown.appstore;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.appstore.Fixtures.ADMIN;
import static org.takedown.appstore.Fixtures.OTHER_REVIEWER;
import static org.takedown.appstore.Fixtures.PROBLEM;
import static org.takedown.appstore.Fixtures.REVIEWER;
import static org.takedown.appstore.Fixtures.as;
import static org.takedown.appstore.Fixtures.removal;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

@QuarkusTest
class AppealAndRulingTest {

    record Removed(Fixtures.Dev dev, long listing, String decisionId) {
    }

    static Removed removedListing(String name) {
        var dev = Fixtures.developer(name);
        long listing = Fixtures.listing(dev, "app", true);
        long caseId = Fixtures.reportCase(listing);
        String decisionId = as(REVIEWER).body(removal(Map.of())).post("/reviews/" + caseId + "/decision")
                .then().statusCode(201).extract().path("decisionId");
        return new Removed(dev, listing, decisionId);
    }

    @Test
    void theDeveloperAppealsAndAnotherReviewerReversesWhichReinstatesTheListing() {
        var removed = removedListing("Appealing");
        var stranger = Fixtures.developer("Meddler");

        as(stranger.token()).body(Map.of("grounds", "not mine")).post("/decisions/" + removed.decisionId() + "/appeals")
                .then().statusCode(404).contentType(PROBLEM);
        as(REVIEWER).body(Map.of("grounds", "x")).post("/decisions/" + removed.decisionId() + "/appeals")
                .then().statusCode(403);
        as(removed.dev().token()).body(Map.of("grounds", "")).post("/decisions/" + removed.decisionId() + "/appeals")
                .then().statusCode(400).body("errors[0].field", equalTo("grounds"));
        int appealId = as(removed.dev().token()).body(Map.of("grounds", "We now moderate within 24 hours"))
                .post("/decisions/" + removed.decisionId() + "/appeals").then().statusCode(201)
                .body("state", equalTo("PENDING")).body("reviewCaseId", notNullValue())
                .body("decisionId", equalTo(removed.decisionId())).extract().path("id");
        as(removed.dev().token()).body(Map.of("grounds", "again")).post("/decisions/" + removed.decisionId() + "/appeals")
                .then().statusCode(409);
        as(REVIEWER).get("/reviews?trigger=APPEAL&listingId=" + removed.listing()).then().body("total", equalTo(1))
                .body("items[0].subjectDecisionId", equalTo(removed.decisionId()));
        int appealCase = as(REVIEWER).get("/appeals/" + appealId).then().extract().path("reviewCaseId");
        as(REVIEWER).body(removal(Map.of())).post("/reviews/" + appealCase + "/decision").then().statusCode(409)
                .body("detail", containsString("/appeals/"));

        as(REVIEWER).body(Map.of("outcome", "REVERSED", "reasons", "x")).post("/appeals/" + appealId + "/decision")
                .then().statusCode(403).body("detail", containsString("other than"));
        as(removed.dev().token()).body(Map.of("outcome", "REVERSED", "reasons", "x"))
                .post("/appeals/" + appealId + "/decision").then().statusCode(403);
        as(OTHER_REVIEWER).body(Map.of("outcome", "MAYBE", "reasons", "x")).post("/appeals/" + appealId + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        assertEquals("REMOVED", Fixtures.listingStatus(removed.listing()));

        as(OTHER_REVIEWER).body(Map.of("outcome", "REVERSED", "reasons", "The moderation plan meets ugc-moderation"))
                .post("/appeals/" + appealId + "/decision").then().statusCode(200)
                .body("state", equalTo("REVERSED")).body("decidedBy", equalTo("reviewer-otto"));
        assertEquals("REINSTATED", Fixtures.listingStatus(removed.listing()));
        as(REVIEWER).get("/decisions/" + removed.decisionId()).then().body("status", equalTo("REVERSED"))
                .body("reversalReason", equalTo("APPEAL"));
        as(REVIEWER).get("/reviews/" + appealCase).then().body("state", equalTo("CONCLUDED"));
        as(OTHER_REVIEWER).body(Map.of("outcome", "UPHELD", "reasons", "x")).post("/appeals/" + appealId + "/decision")
                .then().statusCode(409);

        as(removed.dev().token()).get("/appeals").then().statusCode(200).body("total", equalTo(1));
        as(removed.dev().token()).get("/appeals/" + appealId).then().statusCode(200);
        as(stranger.token()).get("/appeals/" + appealId).then().statusCode(404);
        as(removed.dev().token()).get("/decisions/" + removed.decisionId()).then().statusCode(200);
        as(stranger.token()).get("/decisions/" + removed.decisionId()).then().statusCode(404);
        as(REVIEWER).get("/appeals?state=REVERSED").then().body("items.id", hasItem(appealId));
    }

    @Test
    void anUpheldAppealLeavesTheListingRemovedAndAppealsCloseWithTheWindow() {
        var removed = removedListing("Upheld");
        int appealId = as(removed.dev().token()).body(Map.of("grounds", "Please"))
                .post("/decisions/" + removed.decisionId() + "/appeals").then().statusCode(201).extract().path("id");
        as(OTHER_REVIEWER).body(Map.of("outcome", "UPHELD", "reasons", "Nothing changed in the app"))
                .post("/appeals/" + appealId + "/decision").then().statusCode(200).body("state", equalTo("UPHELD"));
        assertEquals("REMOVED", Fixtures.listingStatus(removed.listing()));

        var late = removedListing("Late");
        Fixtures.advanceClock("PT337H");
        as(late.dev().token()).body(Map.of("grounds", "Too late?")).post("/decisions/" + late.decisionId() + "/appeals")
                .then().statusCode(409).body("detail", containsString("appeal window"));
    }

    @Test
    void aRulingOrderingReinstatementIsCompliedWithAndOneRefusingItIsRecorded() {
        var refused = removedListing("Refused");
        as(REVIEWER).body(Map.of("kind", "COURT_ORDER", "body", "x", "reference", "y", "ordersReinstatement", false,
                "summary", "z")).post("/decisions/" + refused.decisionId() + "/rulings").then().statusCode(403);
        as(ADMIN).body(Map.of("kind", "VERDICT", "body", "x", "reference", "y", "ordersReinstatement", false,
                "summary", "z")).post("/decisions/" + refused.decisionId() + "/rulings").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as(ADMIN).body(Map.of("kind", "COURT_ORDER", "body", "U.S. District Court, W.D. Washington",
                "reference", "2:21-cv-00031", "ordersReinstatement", false,
                "summary", "Motion for a preliminary injunction denied"))
                .post("/decisions/" + refused.decisionId() + "/rulings").then().statusCode(201)
                .body("complied", equalTo(false)).body("decisionStatus", equalTo("IN_FORCE"));
        assertEquals("REMOVED", Fixtures.listingStatus(refused.listing()));

        var ordered = removedListing("Ordered");
        as(ADMIN).body(Map.of("kind", "OUT_OF_COURT_RULING", "body", "Appeals Centre Europe", "reference", "ACE-1",
                "ordersReinstatement", true, "summary", "The removal was disproportionate"))
                .post("/decisions/" + ordered.decisionId() + "/rulings").then().statusCode(201)
                .body("complied", equalTo(true)).body("decisionStatus", equalTo("REVERSED"));
        assertEquals("REINSTATED", Fixtures.listingStatus(ordered.listing()));
        as(REVIEWER).get("/decisions/" + ordered.decisionId()).then().body("reversalReason",
                equalTo("OUT_OF_COURT_RULING"));
        as(ordered.dev().token()).get("/decisions/" + ordered.decisionId() + "/rulings").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].reference", equalTo("ACE-1"));
        as(ADMIN).body(Map.of("kind", "COURT_ORDER", "body", "b", "reference", "r", "ordersReinstatement", true,
                "summary", "s")).post("/decisions/not-a-decision/rulings").then().statusCode(404);
    }

    @Test
    void statisticsAndTheAuditLogAccountForWhatHappened() {
        var removed = removedListing("Counted");
        as(removed.dev().token()).body(Map.of("grounds", "Please"))
                .post("/decisions/" + removed.decisionId() + "/appeals").then().statusCode(201);

        as(ADMIN).get("/stats").then().statusCode(200)
                .body("reports.total", greaterThanOrEqualTo(1))
                .body("reviewCases.openedByTrigger.REPORT", greaterThanOrEqualTo(1))
                .body("decisions.byAction.REMOVE_LISTING", greaterThanOrEqualTo(1))
                .body("decisions.published", greaterThanOrEqualTo(1))
                .body("decisions.medianHoursFromCaseOpenToDecision", notNullValue())
                .body("appeals.filed", greaterThanOrEqualTo(1));
        as(ADMIN).get("/stats?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").then().statusCode(200)
                .body("decisions.total", equalTo(0));
        as(ADMIN).get("/stats?from=2000-01-02T00:00:00Z&to=2000-01-01T00:00:00Z").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        as(ADMIN).get("/stats?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(REVIEWER).get("/stats").then().statusCode(403);
        as(ADMIN).get("/audit?entityType=decision&entityId=" + removed.decisionId()).then().statusCode(200)
                .body("items.action", hasItem("decision.issued"))
                .body("items.actor", hasItem("reviewer-rita"));
        as(ADMIN).get("/audit?entityType=listing&entityId=" + removed.listing()).then()
                .body("items.action", hasItem("listing.created"));
    }
}
