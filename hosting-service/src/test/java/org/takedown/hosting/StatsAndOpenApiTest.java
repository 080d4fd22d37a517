package org.takedown.hosting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.REVIEWER;
import static org.takedown.hosting.Api.as;

import java.time.Instant;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

@QuarkusTest
class StatsAndOpenApiTest {

    @Test
    void statisticsCountWhatHappenedInTheRange() {
        Instant from = Api.now();
        String domain = Api.uniqueDomain("stats");
        long customer = Api.customer("Stats LLC", domain);
        long caseId = Api.violentPost(domain, Api.now().minusSeconds(60));
        Api.violentPost(domain, Api.now().minusSeconds(30));
        Api.notice(caseId);
        Api.advance("PT2H");
        String decisionId = DecisionTest.decide(customer, Api.decision("WARN", caseId, Map.of()));
        as(Api.customerToken(customer)).body(Map.of("grounds", "unfair"))
                .post("/decisions/" + decisionId + "/appeals").then().statusCode(201);
        Instant to = Api.now().plusSeconds(1);

        as(ADMIN).queryParam("from", from.toString()).queryParam("to", to.toString()).get("/stats")
                .then().statusCode(200)
                .body("reports.total", equalTo(2))
                .body("reports.byCategory.VIOLENCE_INCITEMENT", equalTo(2))
                .body("reports.byOutcome.TRUSTED_FLAGGER", equalTo(2))
                .body("notices.total", equalTo(1))
                .body("notices.byCategory.VIOLENCE_INCITEMENT", equalTo(1))
                .body("decisions.total", equalTo(1))
                .body("decisions.byCategory.VIOLENCE_INCITEMENT", equalTo(1))
                .body("decisions.byOutcome.WARN", equalTo(1))
                .body("automatedDecisions", equalTo(0))
                .body("rulings.total", equalTo(0))
                .body("appeals.byOutcome.PENDING", equalTo(1))
                .body("reportToDecision.decisions", equalTo(1))
                .body("reportToDecision.averageHours", greaterThanOrEqualTo(2.0f));
        // everything so far, by default
        as(ADMIN).get("/stats").then().statusCode(200).body("decisions.total", greaterThanOrEqualTo(1));
    }

    @Test
    void statisticsAreForAdminsAndNeedARange() {
        as(REVIEWER).get("/stats").then().statusCode(403);
        as(ADMIN).queryParam("from", "2021-01-10T00:00:00Z").queryParam("to", "2021-01-01T00:00:00Z").get("/stats")
                .then().statusCode(422).body("errors[0].field", equalTo("to"));
        as(ADMIN).queryParam("from", "yesterday").get("/stats").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/reports'.post.summary", containsString("duplicate"))
                .body("paths.'/customers/{id}/decisions'.post", notNullValue())
                .body("paths.'/peer-reviews/{id}/conclusion'.post", notNullValue())
                .body("components.schemas.NewReport.examples", notNullValue());
    }
}
