package org.takedown.hosting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.OTHER_REVIEWER;
import static org.takedown.hosting.Api.PROBLEM;
import static org.takedown.hosting.Api.REVIEWER;
import static org.takedown.hosting.Api.as;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.EventCodec;

@QuarkusTest
class AppealAndRulingTest {

    @Inject
    EventCodec codec;

    /** A customer suspended on an escalated case: its id, case id and decision id. */
    record Suspended(long customer, long caseId, String decisionId) {
    }

    static Suspended suspended(String stem) {
        String domain = Api.uniqueDomain(stem);
        long customer = Api.customer(stem + " LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        as(REVIEWER).body(Map.of("reason", "urgent")).post("/cases/" + caseId + "/escalate").then().statusCode(200);
        String decisionId = DecisionTest.decide(customer, Api.decision("SUSPEND", caseId,
                Map.of("emergency", true, "emergencyReason", "imminent violence")));
        return new Suspended(customer, caseId, decisionId);
    }

    @Test
    void aReversedAppealReinstatesTheCustomerTakesTheStrikeBackAndEmitsDecisionReversed() throws Exception {
        Suspended s = suspended("appeal");
        int appealId = as(Api.customerToken(s.customer())).body(Map.of("grounds", "We moderated within hours"))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(201)
                .body("state", equalTo("PENDING")).extract().path("id");
        assertEquals("APPEALED", Api.caseState(s.caseId()));

        as(REVIEWER).body(Map.of("outcome", "REVERSED", "reasons", "mine")).post("/appeals/" + appealId + "/decision")
                .then().statusCode(403).contentType(PROBLEM).body("detail", containsString("cannot decide its appeal"));

        EventWatch watch = EventWatch.open(codec);
        as(OTHER_REVIEWER).body(Map.of("outcome", "REVERSED", "reasons", "The posts were removed before"))
                .post("/appeals/" + appealId + "/decision").then().statusCode(200)
                .body("state", equalTo("REVERSED")).body("decidedBy", equalTo("reviewer-2"));

        as(ADMIN).get("/customers/" + s.customer()).then().body("status", equalTo("ACTIVE")).body("strikes", equalTo(0));
        assertEquals("CLOSED", Api.caseState(s.caseId()));
        as(Api.customerToken(s.customer())).get("/decisions/" + s.decisionId()).then().statusCode(200)
                .body("status", equalTo("REVERSED")).body("reversal.reason", equalTo("APPEAL"))
                .body("appeals", hasSize(1));
        ObjectNode event = watch.next(e -> e.get("type").asText().equals("org.takedown.decision.reversed.v1"));
        assertEquals(s.decisionId(), event.at("/data/decisionId").asText());
        assertEquals("APPEAL", event.at("/data/reason").asText());

        as(OTHER_REVIEWER).body(Map.of("outcome", "UPHELD", "reasons", "again"))
                .post("/appeals/" + appealId + "/decision").then().statusCode(409);
        as(Api.customerToken(s.customer())).body(Map.of("grounds", "again"))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(409);
    }

    @Test
    void anUpheldAppealClosesTheCaseAndTheDecisionStands() {
        Suspended s = suspended("upheld");
        int appealId = as(Api.customerToken(s.customer())).body(Map.of("grounds", "unfair"))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(201).extract().path("id");
        as(Api.customerToken(s.customer())).body(Map.of("grounds", "twice"))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(409).contentType(PROBLEM);
        as(OTHER_REVIEWER).body(Map.of("outcome", "UPHELD", "reasons", "The posts kept coming"))
                .post("/appeals/" + appealId + "/decision").then().statusCode(200).body("state", equalTo("UPHELD"));
        assertEquals("SUSPENDED", Api.customerStatus(s.customer()));
        assertEquals("CLOSED", Api.caseState(s.caseId()));
        as(Api.customerToken(s.customer())).get("/appeals/" + appealId).then().statusCode(200)
                .body("reasons", equalTo("The posts kept coming"));
    }

    @Test
    void appealsAreTheCustomersOwnAndNeedValidInput() {
        Suspended s = suspended("appealrules");
        long stranger = Api.customer("Stranger LLC", Api.uniqueDomain("stranger"));
        as(Api.customerToken(stranger)).body(Map.of("grounds", "not mine"))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(404);
        as(REVIEWER).body(Map.of("grounds", "staff")).post("/decisions/" + s.decisionId() + "/appeals")
                .then().statusCode(403);
        as(Api.customerToken(s.customer())).body(Map.of("grounds", ""))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(400)
                .body("errors[0].field", equalTo("grounds"));
        int appealId = as(Api.customerToken(s.customer())).body(Map.of("grounds", "ok"))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(201).extract().path("id");
        as(Api.customerToken(stranger)).get("/appeals/" + appealId).then().statusCode(404);
        as(Api.customerToken(s.customer())).get("/customers/" + s.customer() + "/appeals").then().statusCode(200)
                .body("id", equalTo(List.of(appealId))).body("[0].decisionId", equalTo(s.decisionId()));
        as(Api.customerToken(stranger)).get("/customers/" + s.customer() + "/appeals").then().statusCode(404);
        as(OTHER_REVIEWER).body(Map.of("outcome", "MAYBE", "reasons", "x")).post("/appeals/" + appealId + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        as(Api.customerToken(s.customer())).body(Map.of("outcome", "REVERSED", "reasons", "x"))
                .post("/appeals/" + appealId + "/decision").then().statusCode(403);
        as(OTHER_REVIEWER).body(Map.of("outcome", "REVERSED", "reasons", "x")).post("/appeals/999999/decision")
                .then().statusCode(404);
    }

    @Test
    void theAppealWindowCloses() {
        Suspended s = suspended("window");
        Api.advance("P15D");
        as(Api.customerToken(s.customer())).body(Map.of("grounds", "late"))
                .post("/decisions/" + s.decisionId() + "/appeals").then().statusCode(409)
                .body("detail", containsString("appeal window"));
    }

    @Test
    void aCourtOrderToReinstateReversesTheDecisionCitingTheOrder() throws Exception {
        Suspended s = suspended("court");
        EventWatch watch = EventWatch.open(codec);
        as(ADMIN).body(Map.of("kind", "COURT_ORDER", "body", "U.S. District Court, W.D. Washington",
                "reference", "2:21-cv-00031", "ordersReinstatement", true, "summary", "Reinstate the service"))
                .post("/decisions/" + s.decisionId() + "/rulings").then().statusCode(201)
                .body("outcome", equalTo("DECISION_REVERSED"));
        assertEquals("ACTIVE", Api.customerStatus(s.customer()));
        as(REVIEWER).get("/decisions/" + s.decisionId()).then()
                .body("reversal.reason", equalTo("COURT_ORDER"))
                .body("reversal.citation", containsString("2:21-cv-00031"))
                .body("rulings[0].kind", equalTo("COURT_ORDER"));
        ObjectNode event = watch.next(e -> e.get("type").asText().equals("org.takedown.decision.reversed.v1"));
        assertEquals("COURT_ORDER", event.at("/data/reason").asText());
        org.junit.jupiter.api.Assertions.assertTrue(event.at("/data/citation").asText().contains("2:21-cv-00031"));

        // a second order about the same decision is recorded; there is nothing left to reverse
        as(ADMIN).body(Map.of("kind", "OUT_OF_COURT", "body", "ADR body", "reference", "ODS-1",
                "ordersReinstatement", true, "summary", "Same"))
                .post("/decisions/" + s.decisionId() + "/rulings").then().statusCode(201)
                .body("outcome", equalTo("ALREADY_REVERSED"));
    }

    @Test
    void aRulingRefusingReinstatementIsRecordedAndChangesNothing() {
        Suspended s = suspended("refused");
        as(ADMIN).body(Map.of("kind", "COURT_ORDER", "body", "U.S. District Court, W.D. Washington",
                "reference", "2:21-cv-00031", "ordersReinstatement", false,
                "summary", "Motion for a preliminary injunction denied"))
                .post("/decisions/" + s.decisionId() + "/rulings").then().statusCode(201)
                .body("outcome", equalTo("RECORDED"));
        assertEquals("SUSPENDED", Api.customerStatus(s.customer()));
        as(REVIEWER).get("/decisions/" + s.decisionId()).then().body("status", equalTo("IN_FORCE"))
                .body("rulings[0].summary", equalTo("Motion for a preliminary injunction denied"));
        as(ADMIN).get("/audit?entityType=decision&entityId=" + s.decisionId()).then()
                .body("items.find { it.action == 'ruling.recorded' }.details", containsString("refuses reinstatement"));
    }

    @Test
    void rulingsAreRecordedByAdminsWithEveryFieldGiven() {
        Suspended s = suspended("rulingrules");
        as(REVIEWER).body(Map.of("kind", "COURT_ORDER", "body", "b", "reference", "r", "ordersReinstatement", true,
                "summary", "s")).post("/decisions/" + s.decisionId() + "/rulings").then().statusCode(403);
        as(ADMIN).body(Map.of("kind", "ORACLE", "body", "b", "reference", "r", "ordersReinstatement", true,
                "summary", "s")).post("/decisions/" + s.decisionId() + "/rulings").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as(ADMIN).body(Map.of("kind", "COURT_ORDER", "body", "b", "reference", "r", "summary", "s"))
                .post("/decisions/" + s.decisionId() + "/rulings").then().statusCode(400)
                .body("errors[0].field", equalTo("ordersReinstatement"));
        as(ADMIN).body(Map.of("kind", "COURT_ORDER", "body", "b", "reference", "r", "ordersReinstatement", true,
                "summary", "s")).post("/decisions/nope/rulings").then().statusCode(404);
        assertEquals("SUSPENDED", Api.customerStatus(s.customer()));
    }
}
