package org.takedown.hosting;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.specification.RequestSpecification;

import org.takedown.testkit.Tokens;

/** Tokens and fixtures shared by the hosting tests: every test builds its own customer so tests stay independent. */
final class Api {

    static final String ADMIN = Tokens.staff("admin-1", "admin");
    static final String REVIEWER = Tokens.staff("reviewer-1", "reviewer");
    static final String OTHER_REVIEWER = Tokens.staff("reviewer-2", "reviewer");
    static final String REPORTER = Tokens.staff("reporter-1", "reporter");
    static final String PROBLEM = "application/problem+json";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String customerToken(long customerId) {
        return Tokens.tenant("customer-" + customerId, String.valueOf(customerId), "customer");
    }

    /** A fresh domain no other test uses. */
    static String uniqueDomain(String stem) {
        return stem + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
    }

    static String sha() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Creates a customer owning {@code domain} with resources {@code domain} and {@code api.domain}. */
    static long customer(String legalName, String domain) {
        Map<String, Object> body = Map.of("legalName", legalName, "domains", List.of(domain),
                "contacts", List.of(Map.of("role", "chief-policy-officer", "name", "Amy", "email", "policy@" + domain)),
                "resources", List.of(Map.of("hostname", domain), Map.of("hostname", "api." + domain)));
        return ((Number) as(ADMIN).body(body).post("/customers").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    static Instant now() {
        return Instant.parse(as(ADMIN).get("/admin/clock").then().statusCode(200).extract().path("now"));
    }

    static void advance(String duration) {
        as(ADMIN).body(Map.of("by", duration)).post("/admin/clock/advance").then().statusCode(200);
    }

    static Map<String, Object> report(String reporterType, String reporterId, String contentUrl, String category,
            Instant observedAt) {
        return Map.of("reporterType", reporterType, "reporterId", reporterId, "contentUrl", contentUrl,
                "excerpt", "violent post", "evidenceSha256", sha(), "observedAt", observedAt.toString(),
                "category", category);
    }

    /** Files a violence report by the trusted flagger about a new post on {@code domain}; returns the case id. */
    static long violentPost(String domain, Instant observedAt) {
        return ((Number) as(REPORTER).body(report("TRUSTED_FLAGGER", "flagger-1",
                "https://" + domain + "/post/" + UUID.randomUUID(), "VIOLENCE_INCITEMENT", observedAt))
                .post("/reports").then().statusCode(201).extract().path("caseId")).longValue();
    }

    static long notice(long caseId) {
        return ((Number) as(REVIEWER).body(Map.of("clauseIds", List.of("aup-violence"), "facts", "violent posts"))
                .post("/cases/" + caseId + "/notices").then().statusCode(201).extract().path("id")).longValue();
    }

    /** A decision request body with the usual statement of reasons. */
    static Map<String, Object> decision(String action, Long caseId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("action", action,
                "scope", Map.of("kind", "ACCOUNT", "targets", List.of()), "ground", "TERMS_OF_SERVICE",
                "groundReference", "AWS Acceptable Use Policy", "clauseIds", List.of("aup-violence"),
                "category", "VIOLENCE_INCITEMENT", "facts", "Posts encouraging violence kept growing",
                "evidence", List.of(Map.of("uri", "https://example.com/post/1", "sha256", sha(),
                        "excerpt", "violent", "observedAt", "2021-01-08T10:00:00Z"))));
        if (caseId != null) {
            body.put("caseId", caseId);
        }
        body.putAll(extra);
        return body;
    }

    static String customerStatus(long customerId) {
        return as(ADMIN).get("/customers/" + customerId).then().statusCode(200).extract().path("status");
    }

    static String caseState(long caseId) {
        return as(REVIEWER).get("/cases/" + caseId).then().statusCode(200).extract().path("state");
    }
}
