package org.takedown.common.probe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.takedown.common.audit.AuditEntry;
import org.takedown.testkit.Tokens;

@QuarkusTest
class ProblemAndIdempotencyTest {

    static final String REVIEWER = Tokens.staff("reviewer-2", "reviewer");
    static final String PROBLEM = "application/problem+json";

    @Test
    void everyInvalidFieldIsNamed() {
        given().auth().oauth2(REVIEWER).contentType("application/json")
                .body("{\"name\":\"\",\"category\":\"SPAM\",\"email\":\"not-an-email\"}")
                .when().post("/probe/decisions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name", "email"));
    }

    @Test
    void anInvalidElementOfAListIsNamedWithItsIndex() {
        given().auth().oauth2(REVIEWER).contentType("application/json")
                .body("{\"name\":\"x\",\"category\":\"SPAM\",\"contacts\":[{\"name\":\"a\",\"email\":\"a@x.example\"},"
                        + "{\"name\":\"b\",\"email\":\"nope\"}],\"domains\":[\"ok.example\",\" \"]}")
                .when().post("/probe/decisions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("contacts[1].email", "domains[1]"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        given().auth().oauth2(REVIEWER).contentType("application/json")
                .body("{\"name\":\"x\",\"category\":\"KITTENS\"}")
                .when().post("/probe/decisions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("VIOLENCE_INCITEMENT"));
    }

    @Test
    void brokenJsonAndMissingBodiesAreBadRequests() {
        given().auth().oauth2(REVIEWER).contentType("application/json").body("{\"name\":")
                .when().post("/probe/decisions")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(REVIEWER).contentType("application/json")
                .when().post("/probe/decisions")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownIdsAndPathsAreProblemsWithoutStackTraces() {
        given().when().get("/probe/things/42")
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("Thing 42 does not exist"));
        given().when().get("/no/such/path")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/probe/things/abc")
                .then().statusCode(404).contentType(PROBLEM).body(not(containsString("Exception")));
    }

    @Test
    void missingTokensAndWrongRolesAreRefused() {
        given().contentType("application/json").body("{\"name\":\"x\",\"category\":\"SPAM\"}")
                .when().post("/probe/decisions")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.staff("someone", "reporter")).contentType("application/json")
                .body("{\"name\":\"x\",\"category\":\"SPAM\"}")
                .when().post("/probe/decisions")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2("not.a.token").contentType("application/json")
                .body("{\"name\":\"x\",\"category\":\"SPAM\"}")
                .when().post("/probe/decisions")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theSameKeyAndBodyReplaysAndADifferentBodyIsRefused() {
        long before = decisionsBy("dave");
        String body = "{\"name\":\"dave\",\"category\":\"SPAM\"}";

        String first = given().auth().oauth2(REVIEWER).header("Idempotency-Key", "k-1").contentType("application/json")
                .body(body).when().post("/probe/decisions")
                .then().statusCode(201).extract().path("eventId");
        given().auth().oauth2(REVIEWER).header("Idempotency-Key", "k-1").contentType("application/json")
                .body(body).when().post("/probe/decisions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("eventId", equalTo(first));
        given().auth().oauth2(REVIEWER).header("Idempotency-Key", "k-1").contentType("application/json")
                .body("{\"name\":\"eve\",\"category\":\"SPAM\"}").when().post("/probe/decisions")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(before + 1, decisionsBy("dave"), "the replay decided and published nothing more");
    }

    /** Each probe decision is audited in the transaction that publishes its event. */
    private static long decisionsBy(String actor) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("actor = ?1 and action = 'probe.decided'", actor));
    }
}
