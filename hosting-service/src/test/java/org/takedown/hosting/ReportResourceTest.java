package org.takedown.hosting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.PROBLEM;
import static org.takedown.hosting.Api.REPORTER;
import static org.takedown.hosting.Api.REVIEWER;
import static org.takedown.hosting.Api.as;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    @Test
    void aReportOpensACaseAndTheSameReportAgainIsADuplicate() {
        String domain = Api.uniqueDomain("dup");
        long customer = Api.customer("Dup LLC", domain);
        Map<String, Object> report = Api.report("USER", "user-9", "https://" + domain + "/post/1", "VIOLENCE_INCITEMENT",
                Api.now().minusSeconds(3600));

        int id = as(REPORTER).body(report).post("/reports").then().statusCode(201)
                .body("duplicate", equalTo(false)).body("customerId", equalTo((int) customer))
                .extract().path("id");
        int caseId = as(REVIEWER).get("/reports/" + id).then().statusCode(200).extract().path("caseId");

        as(REPORTER).body(report).post("/reports").then().statusCode(200)
                .body("duplicate", equalTo(true)).body("id", equalTo(id)).body("caseId", equalTo(caseId));
        as(REVIEWER).get("/cases/" + caseId).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("policyArea", equalTo("VIOLENCE_INCITEMENT"))
                .body("reportCount", equalTo(1)).body("priority", equalTo("NORMAL"));
    }

    @Test
    void reportsOfOneCustomerAndAreaShareACaseAndOtherAreasGetTheirOwn() {
        String domain = Api.uniqueDomain("areas");
        Api.customer("Areas LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        long first = Api.violentPost(domain, at);
        long second = Api.violentPost(domain, at);
        int spam = as(REPORTER).body(Api.report("USER", "u", "https://" + domain + "/spam", "SPAM", at))
                .post("/reports").then().statusCode(201).extract().path("caseId");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        org.junit.jupiter.api.Assertions.assertNotEquals(first, spam);
    }

    @Test
    void aBurstOfFirstReportsSharesOneCase() throws Exception {
        String domain = Api.uniqueDomain("burst");
        Api.customer("Burst LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = java.util.stream.IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> as(REPORTER)
                    .body(Api.report("USER", "burst-" + i, "https://" + domain + "/post/" + i, "SCAMS_FRAUD", at))
                    .post("/reports").then().statusCode(201).extract().<Integer>path("caseId"))).toList();
            java.util.Set<Integer> cases = new java.util.HashSet<>();
            for (var future : futures) {
                cases.add(future.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, cases.size(), "one case for one customer and area");
            as(REVIEWER).get("/cases/" + cases.iterator().next()).then().body("reportCount", equalTo(16));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReportIsMatchedToTheCustomerBySubdomainOrResource() {
        String domain = Api.uniqueDomain("match");
        long customer = Api.customer("Match LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        as(REPORTER).body(Api.report("USER", "u1", "https://media.cdn." + domain + "/x.png", "VIOLENCE_INCITEMENT", at))
                .post("/reports").then().statusCode(201).body("customerId", equalTo((int) customer));
        Map<String, Object> byResource = new HashMap<>(Api.report("USER", "u1", "https://elsewhere.example/x",
                "VIOLENCE_INCITEMENT", at));
        byResource.put("resource", "api." + domain);
        as(REPORTER).body(byResource).post("/reports").then().statusCode(201)
                .body("customerId", equalTo((int) customer)).body("resource", equalTo("api." + domain));
    }

    @Test
    void badReportsNameTheFieldAndFileNothing() {
        String domain = Api.uniqueDomain("bad");
        long customer = Api.customer("Bad LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        Map<String, Object> good = Api.report("USER", "u", "https://" + domain + "/p", "SPAM", at);

        bad(with(good, "contentUrl", "not a url"), 400, "contentUrl");
        bad(with(good, "contentUrl", "ftp://" + domain + "/p"), 400, "contentUrl");
        bad(with(good, "contentUrl", "https://" + domain + "/" + "p".repeat(2100)), 400, "contentUrl");
        bad(with(good, "evidenceSha256", "XYZ"), 400, "evidenceSha256");
        bad(with(good, "category", "KITTENS"), 400, "category");
        bad(with(good, "reporterType", "PSYCHIC"), 400, "reporterType");
        bad(with(good, "excerpt", "x".repeat(4001)), 400, "excerpt");
        bad(with(good, "observedAt", Api.now().plusSeconds(86_400).toString()), 422, "observedAt");
        bad(with(good, "contentUrl", "https://unknown-" + domain + "/p"), 422, "contentUrl");
        bad(with(good, "customerId", 99_999_999), 422, "customerId");
        Map<String, Object> missing = new HashMap<>(good);
        missing.remove("category");
        bad(missing, 400, "category");

        as(REVIEWER).get("/cases?customerId=" + customer).then().body("total", equalTo(0));
    }

    @Test
    void trustedFlaggersRaiseThePriority() {
        String domain = Api.uniqueDomain("flag");
        Api.customer("Flag LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        int caseId = as(REPORTER).body(Api.report("USER", "u", "https://" + domain + "/a", "VIOLENCE_INCITEMENT", at))
                .post("/reports").then().statusCode(201).extract().path("caseId");
        as(REVIEWER).get("/cases/" + caseId).then().body("priority", equalTo("NORMAL"));
        Api.violentPost(domain, at);
        as(REVIEWER).get("/cases/" + caseId).then().body("priority", equalTo("HIGH"));
        as(REVIEWER).get("/cases?priority=HIGH&size=500").then().body("items.id", hasItem(caseId));
    }

    @Test
    void anonymousUsersMayReportButOnlyAsUsersAndAtALimitedRate() {
        String domain = Api.uniqueDomain("anon");
        Api.customer("Anon LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Api.report("TRUSTED_FLAGGER", "x", "https://" + domain + "/t", "SPAM", at))
                .post("/reports").then().statusCode(422).body("errors[0].field", equalTo("reporterType"));
        // the limit in tests is 5 per minute; the refused one above counted as well
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", address).contentType("application/json")
                    .body(Api.report("USER", "", "https://" + domain + "/anon/" + i, "SPAM", at))
                    .post("/reports").then().statusCode(201);
        }
        given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Api.report("USER", "", "https://" + domain + "/anon/late", "SPAM", at))
                .post("/reports").then().statusCode(429).contentType(PROBLEM)
                .body("detail", containsString("limited"));
        // another address, and a reporter with a token, are not held back
        given().header("X-Forwarded-For", "198.51.100.7").contentType("application/json")
                .body(Api.report("USER", "", "https://" + domain + "/anon/other", "SPAM", at))
                .post("/reports").then().statusCode(201);
        as(REPORTER).header("X-Forwarded-For", address)
                .body(Api.report("USER", "r", "https://" + domain + "/anon/late", "SPAM", at))
                .post("/reports").then().statusCode(201);
    }

    @Test
    void customersCannotFileReportsAndOnlyStaffReadThem() {
        String domain = Api.uniqueDomain("role");
        long customer = Api.customer("Role LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        as(Api.customerToken(customer)).body(Api.report("USER", "u", "https://" + domain + "/x", "SPAM", at))
                .post("/reports").then().statusCode(403);
        int id = as(REPORTER).body(Api.report("USER", "u", "https://" + domain + "/x", "SPAM", at))
                .post("/reports").then().statusCode(201).extract().path("id");
        as(REPORTER).get("/reports/" + id).then().statusCode(403);
        as(ADMIN).get("/reports/" + id).then().statusCode(200);
    }

    @Test
    void aReportWithAnIdempotencyKeyIsFiledOnceAndItsAnswerReplayed() {
        String domain = Api.uniqueDomain("idem");
        Api.customer("Idem LLC", domain);
        Map<String, Object> report = Api.report("USER", "u", "https://" + domain + "/keyed", "SPAM",
                Api.now().minusSeconds(60));

        int id = as(REPORTER).header("Idempotency-Key", "report-1").body(report).post("/reports").then()
                .statusCode(201).body("duplicate", equalTo(false)).extract().path("id");
        as(REPORTER).header("Idempotency-Key", "report-1").body(report).post("/reports").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as(REPORTER).header("Idempotency-Key", "report-1").body(with(report, "excerpt", "another body"))
                .post("/reports").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aTokenThatDoesNotVerifyIsRefusedEvenWhereAnonymousReportsAreWelcome() {
        String domain = Api.uniqueDomain("forged");
        Api.customer("Forged LLC", domain);
        as(REPORTER + "x").body(Api.report("USER", "u", "https://" + domain + "/p", "SPAM", Api.now()))
                .post("/reports").then().statusCode(401).contentType(PROBLEM);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(field, value);
        return copy;
    }

    private static void bad(Map<String, Object> body, int status, String field) {
        as(REPORTER).body(body).post("/reports").then().statusCode(status).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
    }
}
