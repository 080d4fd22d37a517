package org.takedown.hosting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.PROBLEM;
import static org.takedown.hosting.Api.REPORTER;
import static org.takedown.hosting.Api.REVIEWER;
import static org.takedown.hosting.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseWorkflowTest {

    @Test
    void aNoticeQuotesTheClausesListsTheEvidenceAndGivesTheDefault24Hours() {
        String domain = Api.uniqueDomain("notice");
        long customer = Api.customer("Notice LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        Instant before = Api.now();

        String deadline = as(REVIEWER).body(Map.of("clauseIds", List.of("aup-violence"), "facts", "one violent post"))
                .post("/cases/" + caseId + "/notices")
                .then().statusCode(201).contentType("application/json")
                .body("clauses[0].text", equalTo("No content that encourages or incites violence"))
                .body("evidence", hasSize(1)).body("state", equalTo("OPEN"))
                .extract().path("cureDeadline");
        Duration given = Duration.between(before, Instant.parse(deadline));
        assertEquals(24, given.toHours(), "default cure period");
        assertEquals("NOTICE_SENT", Api.caseState(caseId));
        as(Api.customerToken(customer)).get("/customers/" + customer + "/notices").then().statusCode(200)
                .body("", hasSize(1));
    }

    @Test
    void theCurePeriodComesFromTheRequestOrTheShortestClause() {
        String domain = Api.uniqueDomain("cure");
        Api.customer("Cure LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        Instant before = Api.now();
        String perPolicy = as(REVIEWER).body(Map.of("clauseIds", List.of("aup-violence", "aup-security"), "facts", "f"))
                .post("/cases/" + caseId + "/notices").then().statusCode(201).extract().path("cureDeadline");
        assertEquals(4, Duration.between(before, Instant.parse(perPolicy)).toHours(), "aup-security allows 4 hours");
        String explicit = as(REVIEWER).body(Map.of("clauseIds", List.of("aup-violence"), "facts", "f", "cureHours", 48))
                .post("/cases/" + caseId + "/notices").then().statusCode(201).extract().path("cureDeadline");
        assertEquals(48, Duration.between(before, Instant.parse(explicit)).toHours());
    }

    @Test
    void badNoticesNameTheFieldAndChangeNothing() {
        String domain = Api.uniqueDomain("badnotice");
        Api.customer("Bad Notice LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        badNotice(caseId, Map.of("clauseIds", List.of("aup-kittens"), "facts", "f"), 422, "clauseIds");
        badNotice(caseId, Map.of("clauseIds", List.of(), "facts", "f"), 400, "clauseIds");
        badNotice(caseId, Map.of("clauseIds", List.of("aup-violence")), 400, "facts");
        badNotice(caseId, Map.of("clauseIds", List.of("aup-violence"), "facts", "f", "cureHours", 0), 400, "cureHours");
        badNotice(caseId, Map.of("clauseIds", List.of("aup-violence"), "facts", "f",
                "cureDeadline", Api.now().minusSeconds(60).toString()), 422, "cureDeadline");
        badNotice(caseId, Map.of("clauseIds", List.of("aup-violence"), "facts", "x".repeat(10_001)), 400, "facts");
        assertEquals("OPEN", Api.caseState(caseId));
        as(REVIEWER).get("/cases/" + caseId).then().body("notices", hasSize(0));
        as(REVIEWER).body(Map.of("clauseIds", List.of("aup-violence"), "facts", "f"))
                .post("/cases/999999/notices").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anExpiredNoticeEscalatesOnItsOwnWhenViolationsKeptArriving() {
        String domain = Api.uniqueDomain("escalate");
        Api.customer("Escalate LLC", domain);
        Instant start = Api.now();
        long caseId = Api.violentPost(domain, start.minusSeconds(7_200));
        long noticeId = Api.notice(caseId);
        Api.violentPost(domain, Api.now().plusSeconds(60));
        Api.violentPost(domain, Api.now().plusSeconds(120));

        Api.advance("PT23H");
        assertEquals("NOTICE_SENT", Api.caseState(caseId), "the deadline has not passed yet");
        Api.advance("PT2H");

        assertEquals("ESCALATED", Api.caseState(caseId));
        as(REVIEWER).get("/notices/" + noticeId).then().body("state", equalTo("EXPIRED"))
                .body("resolution", containsString("2 violating item(s)"));
        as(REVIEWER).get("/cases/" + caseId).then().body("priority", equalTo("HIGH"))
                .body("trend.notices[0].itemsBefore", equalTo(1)).body("trend.notices[0].itemsAfter", equalTo(2))
                .body("trend.notices[0].direction", equalTo("INCREASE"))
                .body("trend.daily.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        as(ADMIN).get("/audit?entityType=case&entityId=" + caseId).then()
                .body("items.find { it.action == 'case.escalated' }.actor", equalTo("system"))
                .body("items.find { it.action == 'case.escalated' }.details",
                        containsString("2 violating item(s) were observed after the notice"));
    }

    @Test
    void anExpiredNoticeWithoutNewViolationsWaitsForAReviewer() {
        String domain = Api.uniqueDomain("quiet");
        Api.customer("Quiet LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(7_200));
        long noticeId = Api.notice(caseId);
        Api.advance("PT25H");
        assertEquals("NOTICE_SENT", Api.caseState(caseId));
        as(REVIEWER).get("/notices/" + noticeId).then().body("state", equalTo("EXPIRED"));
        as(ADMIN).get("/audit?entityType=notice&entityId=" + noticeId).then()
                .body("items.action", hasItem("notice.expired"));
    }

    @Test
    void theCustomerAnswersWithARemediationAndAReviewerMarksItCured() {
        String domain = Api.uniqueDomain("remedy");
        long customer = Api.customer("Remedy LLC", domain);
        long other = Api.customer("Other LLC", Api.uniqueDomain("other"));
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        long noticeId = Api.notice(caseId);

        as(Api.customerToken(other)).get("/notices/" + noticeId).then().statusCode(404);
        as(Api.customerToken(other)).body(Map.of("description", "not mine"))
                .post("/notices/" + noticeId + "/remediation").then().statusCode(404);
        as(REVIEWER).body(Map.of("description", "staff cannot answer for the customer"))
                .post("/notices/" + noticeId + "/remediation").then().statusCode(403);
        as(Api.customerToken(customer)).body(Map.of("description", ""))
                .post("/notices/" + noticeId + "/remediation").then().statusCode(400)
                .body("errors[0].field", equalTo("description"));

        as(Api.customerToken(customer)).body(Map.of("description", "We removed the posts"))
                .post("/notices/" + noticeId + "/remediation").then().statusCode(200)
                .body("state", equalTo("REMEDIATION_SUBMITTED")).body("remediation", equalTo("We removed the posts"));
        as(Api.customerToken(customer)).body(Map.of("description", "again"))
                .post("/notices/" + noticeId + "/remediation").then().statusCode(409);
        as(Api.customerToken(customer)).body(Map.of("note", "self-cure")).post("/notices/" + noticeId + "/cure")
                .then().statusCode(403);

        as(REVIEWER).body(Map.of("note", "checked: posts are gone")).post("/notices/" + noticeId + "/cure")
                .then().statusCode(200).body("state", equalTo("CURED"));
        assertEquals("CURED", Api.caseState(caseId));
        as(REVIEWER).body(Map.of()).post("/notices/" + noticeId + "/cure").then().statusCode(409);

        // a cured notice's deadline passing changes nothing
        Api.advance("PT25H");
        assertEquals("CURED", Api.caseState(caseId));
        // a new violation reopens the cured case
        long again = Api.violentPost(domain, Api.now());
        assertEquals(caseId, again);
        assertEquals("OPEN", Api.caseState(caseId));
    }

    @Test
    void everyTransitionTheStateMachineForbidsIsRefused() {
        String domain = Api.uniqueDomain("machine");
        Api.customer("Machine LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));

        // OPEN -> ESCALATED (by hand) -> NOTICE_SENT -> ESCALATED -> CLOSED
        as(REVIEWER).body(Map.of("reason", "looks bad")).post("/cases/" + caseId + "/escalate").then().statusCode(200)
                .body("state", equalTo("ESCALATED"));
        as(REVIEWER).body(Map.of("reason", "again")).post("/cases/" + caseId + "/escalate").then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("cannot move from ESCALATED to ESCALATED"));
        Api.notice(caseId);
        as(REVIEWER).body(Map.of("reason", "no answer")).post("/cases/" + caseId + "/escalate").then()
                .statusCode(200);
        as(REVIEWER).body(Map.of("reason", "dealt with elsewhere")).post("/cases/" + caseId + "/close").then()
                .statusCode(200).body("state", equalTo("CLOSED"));

        // nothing leaves CLOSED
        as(REVIEWER).body(Map.of("reason", "x")).post("/cases/" + caseId + "/close").then().statusCode(409);
        as(REVIEWER).body(Map.of("reason", "x")).post("/cases/" + caseId + "/escalate").then().statusCode(409);
        as(REVIEWER).body(Map.of("clauseIds", List.of("aup-violence"), "facts", "f"))
                .post("/cases/" + caseId + "/notices").then().statusCode(409);
        as(REVIEWER).body(Api.decision("WARN", caseId, Map.of()))
                .post("/customers/" + customerOf(caseId) + "/decisions").then().statusCode(409);
        assertEquals("CLOSED", Api.caseState(caseId));

        // a report after closing opens a new case
        long next = Api.violentPost(domain, Api.now());
        org.junit.jupiter.api.Assertions.assertNotEquals(caseId, next);

        // OPEN cannot be cured without a notice; CURED cannot be escalated
        long noticeId = Api.notice(next);
        as(REVIEWER).body(Map.of()).post("/notices/" + noticeId + "/cure").then().statusCode(200);
        as(REVIEWER).body(Map.of("reason", "x")).post("/cases/" + next + "/escalate").then().statusCode(409);
        as(REVIEWER).body(Api.decision("WARN", next, Map.of()))
                .post("/customers/" + customerOf(next) + "/decisions").then().statusCode(409);
        as(REVIEWER).body(Map.of("reason", "cured")).post("/cases/" + next + "/close").then().statusCode(200);
    }

    @Test
    void reviewersSetPriorityAndAssigneeWithOptimisticLocking() {
        String domain = Api.uniqueDomain("lock");
        Api.customer("Lock LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        int version = as(REVIEWER).get("/cases/" + caseId).then().extract().path("version");

        as(REVIEWER).body(Map.of("version", version, "assignee", "reviewer-7", "priority", "URGENT"))
                .patch("/cases/" + caseId).then().statusCode(200)
                .body("assignee", equalTo("reviewer-7")).body("priority", equalTo("URGENT"));
        as(Api.OTHER_REVIEWER).body(Map.of("version", version, "assignee", "reviewer-8"))
                .patch("/cases/" + caseId).then().statusCode(409).contentType(PROBLEM);
        as(REVIEWER).body(Map.of("assignee", "x")).patch("/cases/" + caseId).then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        as(REVIEWER).body(Map.of("version", version + 1, "priority", "SOON")).patch("/cases/" + caseId)
                .then().statusCode(400).body("errors[0].field", equalTo("priority"));

        as(REVIEWER).get("/cases?assignee=reviewer-7&priority=URGENT&state=OPEN&size=500").then().statusCode(200)
                .body("items.id", hasItem((int) caseId))
                .body("items.find { it.id == " + caseId + " }.customerId", equalTo((int) customerOf(caseId)));
        as(REVIEWER).get("/cases?assignee=reviewer-8").then().body("items.id",
                org.hamcrest.Matchers.not(hasItem((int) caseId)));
        as(REVIEWER).get("/cases?state=WHATEVER").then().statusCode(400).body("errors[0].field", equalTo("state"));
        as(REVIEWER).get("/cases?customerId=abc").then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        as(REVIEWER).get("/cases?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void casesAreForStaffOnly() {
        String domain = Api.uniqueDomain("staff");
        long customer = Api.customer("Staff LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        as(Api.customerToken(customer)).get("/cases/" + caseId).then().statusCode(403);
        as(REPORTER).get("/cases").then().statusCode(403);
        as(ADMIN).body(Map.of("clauseIds", List.of("aup-violence"), "facts", "f"))
                .post("/cases/" + caseId + "/notices").then().statusCode(403);
        io.restassured.RestAssured.given().get("/cases").then().statusCode(401);
    }

    static long customerOf(long caseId) {
        return ((Number) as(REVIEWER).get("/cases/" + caseId).then().extract().path("customerId")).longValue();
    }

    private static void badNotice(long caseId, Map<String, Object> body, int status, String field) {
        as(REVIEWER).body(body).post("/cases/" + caseId + "/notices").then().statusCode(status)
                .contentType(PROBLEM).body("errors.field", hasItem(field));
    }
}
