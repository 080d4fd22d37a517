package org.takedown.hosting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.takedown.hosting.Api.ADMIN;
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
import org.takedown.common.signing.TrustList;
import org.takedown.testkit.DevKeys;

@QuarkusTest
class DecisionTest {

    @Inject
    EventCodec codec;

    @Test
    void aSuspensionAfterAnExpiredNoticeSuspendsCountsAStrikeAndEmitsASignedDecisionIssued() throws Exception {
        String domain = Api.uniqueDomain("suspend");
        long customer = Api.customer("Suspend LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        Api.notice(caseId);
        Api.violentPost(domain, Api.now().plusSeconds(60));
        Api.advance("PT25H");
        assertEquals("ESCALATED", Api.caseState(caseId));

        EventWatch watch = EventWatch.open(codec);
        var created = as(REVIEWER).body(Api.decision("SUSPEND", caseId, Map.of()))
                .post("/customers/" + customer + "/decisions")
                .then().statusCode(201).body("id", notNullValue()).body("decisionId", notNullValue())
                .body("statement.clauses[0].text", equalTo("No content that encourages or incites violence"))
                .body("statement.detectionSource", equalTo("TRUSTED_FLAGGER"))
                .extract();
        String decisionId = created.path("decisionId");

        as(ADMIN).get("/customers/" + customer).then().body("status", equalTo("SUSPENDED")).body("strikes", equalTo(1));
        assertEquals("ACTION_TAKEN", Api.caseState(caseId));
        as(Api.customerToken(customer)).get("/decisions/" + decisionId).then().statusCode(200)
                .body("action", equalTo("SUSPEND")).body("statement.ground", equalTo("TERMS_OF_SERVICE"))
                .body("statement.groundReference", equalTo("AWS Acceptable Use Policy"))
                .body("statement.facts", containsString("violence")).body("statement.decidedBy", equalTo("reviewer-1"))
                .body("statement.automatedDecision", equalTo(false)).body("evidence", hasSize(1));

        ObjectNode event = watch.next(e -> decisionId.equals(e.at("/data/decisionId").asText()));
        assertEquals("org.takedown.decision.issued.v1", event.get("type").asText());
        assertEquals("aws", event.get("source").asText());
        assertEquals("SUSPEND", event.at("/data/action").asText());
        assertEquals(domain, event.at("/data/party/domains/0").asText());
        assertEquals("aup-violence", event.at("/data/statement/clauses/0/id").asText());
        TrustList awsOnly = TrustList.parse(List.of("aws:" + DevKeys.signingPublicKey("aws")));
        assertDoesNotThrow(() -> awsOnly.verify(event));
    }

    @Test
    void aSuspensionWithoutAnExpiredNoticeIsRefusedUnlessItIsAnEmergencyWithAReason() {
        String domain = Api.uniqueDomain("emergency");
        long customer = Api.customer("Emergency LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(600));
        Api.notice(caseId);

        as(REVIEWER).body(Api.decision("SUSPEND", caseId, Map.of())).post("/customers/" + customer + "/decisions")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("emergency"));
        as(REVIEWER).body(Api.decision("SUSPEND", caseId, Map.of("emergency", true)))
                .post("/customers/" + customer + "/decisions")
                .then().statusCode(422).body("errors[0].field", equalTo("emergencyReason"));
        as(ADMIN).get("/customers/" + customer).then().body("status", equalTo("ACTIVE")).body("strikes", equalTo(0));
        assertEquals("NOTICE_SENT", Api.caseState(caseId));

        as(REVIEWER).body(Api.decision("SUSPEND", caseId, Map.of("emergency", true,
                "emergencyReason", "Imminent threat of violence at the Capitol")))
                .post("/customers/" + customer + "/decisions")
                .then().statusCode(201).body("emergency", equalTo(true));
        assertEquals("SUSPENDED", Api.customerStatus(customer));
    }

    @Test
    void warnRestrictAndReinstateMoveTheCustomersStanding() {
        String domain = Api.uniqueDomain("ladder");
        long customer = Api.customer("Ladder LLC", domain);
        decide(customer, Api.decision("WARN", null, Map.of()));
        as(ADMIN).get("/customers/" + customer).then().body("status", equalTo("WARNED")).body("strikes", equalTo(1));

        decide(customer, Api.decision("RESTRICT", null, Map.of("scope",
                Map.of("kind", "RESOURCES", "targets", List.of("api." + domain)))));
        as(ADMIN).get("/customers/" + customer).then().body("status", equalTo("RESTRICTED")).body("strikes", equalTo(2))
                .body("resources.find { it.hostname == 'api." + domain + "' }.status", equalTo("RESTRICTED"))
                .body("resources.find { it.hostname == '" + domain + "' }.status", equalTo("ACTIVE"));

        String warn = as(REVIEWER).body(Api.decision("REINSTATE", null, Map.of()))
                .post("/customers/" + customer + "/decisions").then().statusCode(201)
                .body("strike", equalTo(false)).extract().path("decisionId");
        as(ADMIN).get("/customers/" + customer).then().body("status", equalTo("ACTIVE")).body("strikes", equalTo(2))
                .body("resources.status", org.hamcrest.Matchers.everyItem(equalTo("ACTIVE")));
        as(REVIEWER).get("/customers/" + customer + "/decisions").then().statusCode(200)
                .body("status", equalTo(List.of("LIFTED", "LIFTED", "IN_FORCE")));
        // nothing left to reinstate
        as(REVIEWER).body(Api.decision("REINSTATE", null, Map.of())).post("/customers/" + customer + "/decisions")
                .then().statusCode(409);
        assertNotNull(warn);
    }

    @Test
    void badDecisionsNameTheFieldAndChangeNothing() {
        String domain = Api.uniqueDomain("baddecision");
        long customer = Api.customer("Bad Decision LLC", domain);
        String path = "/customers/" + customer + "/decisions";
        bad(path, Api.decision("REMOVE_LISTING", null, Map.of()), 422, "action");
        bad(path, Api.decision("EXPLODE", null, Map.of()), 400, "action");
        bad(path, Api.decision("WARN", null, Map.of("clauseIds", List.of("aup-nope"))), 422, "clauseIds");
        bad(path, Api.decision("WARN", null, Map.of("clauseIds", List.of())), 400, "clauseIds");
        bad(path, Api.decision("WARN", null, Map.of("facts", "")), 400, "facts");
        bad(path, Api.decision("WARN", null, Map.of("ground", "VIBES")), 400, "ground");
        bad(path, Api.decision("WARN", null, Map.of("effectiveUntil", Api.now().minusSeconds(5).toString())), 422,
                "effectiveUntil");
        bad(path, Api.decision("WARN", null, Map.of("evidence", List.of(Map.of("uri", "nope", "sha256", "x")))), 400,
                "evidence[0].uri");
        bad(path, Api.decision("RESTRICT", null, Map.of("evidence", List.of())), 422, "evidence");
        bad(path, Api.decision("RESTRICT", null, Map.of("scope", Map.of("kind", "RESOURCES",
                "targets", List.of("not-theirs.example.com")))), 422, "scope.targets");
        bad(path, Api.decision("RESTRICT", null, Map.of("scope", Map.of("kind", "LISTINGS", "targets", List.of()))),
                422, "scope.kind");
        bad(path, Api.decision("WARN", 999_999L, Map.of()), 422, "caseId");
        bad(path, Api.decision("WARN", null, Map.of("reportIds", List.of(999_999))), 422, "reportIds");
        bad(path, Api.decision("WARN", null, Map.of("basedOn", List.of("no-such-peer-decision"))), 422, "basedOn");
        as(ADMIN).get("/customers/" + customer).then().body("status", equalTo("ACTIVE")).body("strikes", equalTo(0));
        as(REVIEWER).get(path).then().body("", hasSize(0));
        as(REVIEWER).body(Api.decision("WARN", null, Map.of())).post("/customers/999999/decisions")
                .then().statusCode(404);
    }

    private static void bad(String path, Map<String, Object> body, int status, String field) {
        as(REVIEWER).body(body).post(path).then().statusCode(status).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
    }

    @Test
    void evidenceCanComeFromTheReportsAndAStaleCaseVersionLoses() {
        String domain = Api.uniqueDomain("reports");
        long customer = Api.customer("Reports LLC", domain);
        int reportId = as(Api.REPORTER).body(Api.report("TRUSTED_FLAGGER", "f", "https://" + domain + "/p/1",
                "VIOLENCE_INCITEMENT", Api.now().minusSeconds(60))).post("/reports").then().statusCode(201)
                .extract().path("id");
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(30));
        int version = as(REVIEWER).get("/cases/" + caseId).then().extract().path("version");

        as(REVIEWER).body(Api.decision("WARN", caseId, Map.of("caseVersion", version, "evidence", List.of(),
                "reportIds", List.of(reportId)))).post("/customers/" + customer + "/decisions")
                .then().statusCode(201).body("evidence", hasSize(1))
                .body("evidence[0].uri", equalTo("https://" + domain + "/p/1"));
        // a second reviewer working from the same copy of the case loses
        as(Api.OTHER_REVIEWER).body(Api.decision("WARN", caseId, Map.of("caseVersion", version)))
                .post("/customers/" + customer + "/decisions").then().statusCode(409).contentType(PROBLEM);
        as(ADMIN).get("/customers/" + customer).then().body("strikes", equalTo(1));
    }

    @Test
    void twoReviewersDecidingTheSameCaseAtOnceOneWinsTheOtherGets409() throws Exception {
        String domain = Api.uniqueDomain("race");
        long customer = Api.customer("Race LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(60));
        int version = as(REVIEWER).get("/cases/" + caseId).then().extract().path("version");
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var futures = java.util.stream.Stream.of(REVIEWER, Api.OTHER_REVIEWER).map(token -> pool.submit(() -> {
                start.await();
                return as(token).body(Api.decision("WARN", caseId, Map.of("caseVersion", version)))
                        .post("/customers/" + customer + "/decisions").then().extract().statusCode();
            })).toList();
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get());
            }
            java.util.Collections.sort(statuses);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        as(ADMIN).get("/customers/" + customer).then().body("strikes", equalTo(1));
        as(REVIEWER).get("/customers/" + customer + "/decisions").then().body("", hasSize(1));
    }

    @Test
    void onlyReviewersDecideAndCustomersSeeOnlyTheirOwnDecisions() {
        String domain = Api.uniqueDomain("decider");
        long customer = Api.customer("Decider LLC", domain);
        long other = Api.customer("Bystander LLC", Api.uniqueDomain("bystander"));
        as(ADMIN).body(Api.decision("WARN", null, Map.of())).post("/customers/" + customer + "/decisions")
                .then().statusCode(403);
        as(Api.customerToken(customer)).body(Api.decision("WARN", null, Map.of()))
                .post("/customers/" + customer + "/decisions").then().statusCode(403);
        String decisionId = decide(customer, Api.decision("WARN", null, Map.of()));
        as(Api.customerToken(other)).get("/decisions/" + decisionId).then().statusCode(404).contentType(PROBLEM);
        as(Api.customerToken(customer)).get("/decisions/" + decisionId).then().statusCode(200);
        as(ADMIN).get("/decisions/" + decisionId).then().statusCode(200);
        as(Api.REPORTER).get("/decisions/" + decisionId).then().statusCode(403);
        as(REVIEWER).get("/decisions/no-such-decision").then().statusCode(404);
    }

    @Test
    void theSuspensionRuleCanBeCheckedForTerminationsToo() {
        String domain = Api.uniqueDomain("terminate");
        long customer = Api.customer("Terminate LLC", domain);
        as(REVIEWER).body(Api.decision("TERMINATE", null, Map.of())).post("/customers/" + customer + "/decisions")
                .then().statusCode(422).body("errors[0].field", equalTo("emergency"));
        decide(customer, Api.decision("TERMINATE", null, Map.of("emergency", true, "emergencyReason", "CSAM")));
        assertEquals("TERMINATED", Api.customerStatus(customer));
        as(REVIEWER).body(Api.decision("WARN", null, Map.of())).post("/customers/" + customer + "/decisions")
                .then().statusCode(409);
        as(Api.REPORTER).body(Api.report("USER", "u", "https://" + domain + "/x", "SPAM", Api.now()))
                .post("/reports").then().statusCode(422).body("errors[0].field", equalTo("customerId"));
    }

    static String decide(long customer, Map<String, Object> body) {
        return as(REVIEWER).body(body).post("/customers/" + customer + "/decisions").then().statusCode(201)
                .extract().path("decisionId");
    }
}
