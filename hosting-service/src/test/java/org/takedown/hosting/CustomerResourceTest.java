package org.takedown.hosting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.PROBLEM;
import static org.takedown.hosting.Api.REVIEWER;
import static org.takedown.hosting.Api.as;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    @Test
    void anAdminCreatesACustomerThatStartsActiveWithNoStrikes() {
        String domain = Api.uniqueDomain("parler");
        int id = as(ADMIN).body(Map.of("legalName", "Parler LLC", "domains", List.of(domain),
                "contacts", List.of(Map.of("role", "chief-policy-officer", "name", "Amy Peikoff", "email", "cpo@" + domain)),
                "resources", List.of(Map.of("hostname", domain), Map.of("hostname", "api." + domain))))
                .post("/customers")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/customers/"))
                .body("legalName", equalTo("Parler LLC")).body("status", equalTo("ACTIVE"))
                .extract().path("id");

        as(REVIEWER).get("/customers/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("strikes", equalTo(0))
                .body("domains", contains(domain))
                .body("contacts[0].email", equalTo("cpo@" + domain))
                .body("resources.hostname", hasItems(domain, "api." + domain));
        as(ADMIN).get("/audit?entityType=customer&entityId=" + id).then().statusCode(200)
                .body("items.action", hasItem("customer.created"));
    }

    /** The customer, its domains and its contacts are read in one query, whose rows repeat each of them. */
    @Test
    void aCustomersContactsComeBackOnceEachInTheOrderRegistered() {
        String domain = Api.uniqueDomain("twofold");
        int id = as(ADMIN).body(Map.of("legalName", "Twofold Inc", "domains", List.of(domain, "www." + domain),
                "contacts", List.of(Map.of("role", "legal", "email", "legal@" + domain),
                        Map.of("role", "abuse", "name", "Ann", "email", "abuse@" + domain))))
                .post("/customers").then().statusCode(201).extract().path("id");

        as(REVIEWER).get("/customers/" + id).then().statusCode(200)
                .body("contacts.role", contains("legal", "abuse"))
                .body("contacts.email", contains("legal@" + domain, "abuse@" + domain))
                .body("domains", containsInAnyOrder(domain, "www." + domain));
    }

    @Test
    void badInputsNameTheFieldAndCreateNothing() {
        long before = total();
        as(ADMIN).body(Map.of("legalName", "", "domains", List.of("not a domain"),
                "contacts", List.of(Map.of("role", "cpo", "email", "not-an-email"))))
                .post("/customers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("legalName", "contacts[0].email"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("domains")));
        as(ADMIN).body(Map.of("legalName", "x".repeat(256), "domains", List.of(Api.uniqueDomain("long"))))
                .post("/customers").then().statusCode(400).body("errors.field", hasItem("legalName"));
        as(ADMIN).body("{\"legalName\":\"X\"}").post("/customers")
                .then().statusCode(400).body("errors.field", hasItem("domains"));
        as(ADMIN).body("{\"legalName\":").post("/customers").then().statusCode(400).contentType(PROBLEM);
        assertTotal(before);
    }

    @Test
    void aDomainBelongsToOneCustomer() {
        String domain = Api.uniqueDomain("taken");
        Api.customer("First", domain);
        long before = total();
        as(ADMIN).body(Map.of("legalName", "Second", "domains", List.of(domain)))
                .post("/customers").then().statusCode(409).contentType(PROBLEM);
        assertTotal(before);
    }

    @Test
    void onlyAdminsCreateCustomers() {
        Map<String, Object> body = Map.of("legalName", "Nope", "domains", List.of(Api.uniqueDomain("nope")));
        as(REVIEWER).body(body).post("/customers").then().statusCode(403).contentType(PROBLEM);
        given().contentType("application/json").body(body).post("/customers").then().statusCode(401);
        as(Api.customerToken(1)).body(body).post("/customers").then().statusCode(403);
    }

    @Test
    void aCustomerSeesOnlyItself() {
        long mine = Api.customer("Mine Inc", Api.uniqueDomain("mine"));
        long theirs = Api.customer("Theirs Inc", Api.uniqueDomain("theirs"));
        as(Api.customerToken(mine)).get("/customers/" + mine).then().statusCode(200).body("id", equalTo((int) mine));
        as(Api.customerToken(mine)).get("/customers/" + theirs).then().statusCode(404).contentType(PROBLEM);
        as(Api.customerToken(mine)).get("/customers").then().statusCode(403);
        as(Api.customerToken(mine)).get("/customers/" + theirs + "/notices").then().statusCode(404);
        as(Api.customerToken(mine)).get("/customers/" + theirs + "/decisions").then().statusCode(404);
        as(REVIEWER).get("/customers/999999").then().statusCode(404);
    }

    @Test
    void resourcesCanBeAddedButNotTwice() {
        String domain = Api.uniqueDomain("grow");
        long id = Api.customer("Grow LLC", domain);
        as(ADMIN).body(Map.of("hostname", "cdn." + domain)).post("/customers/" + id + "/resources")
                .then().statusCode(201).body("hostname", equalTo("cdn." + domain)).body("status", equalTo("ACTIVE"));
        as(ADMIN).body(Map.of("hostname", "cdn." + domain)).post("/customers/" + id + "/resources")
                .then().statusCode(409);
        as(ADMIN).body(Map.of("hostname", "bad host")).post("/customers/" + id + "/resources")
                .then().statusCode(400).body("errors[0].field", equalTo("hostname"));
        as(ADMIN).get("/customers/" + id).then().body("resources.size()", equalTo(3));
    }

    @Test
    void customersAreListedAndPagedByStatus() {
        Api.customer("Listed", Api.uniqueDomain("listed"));
        as(REVIEWER).get("/customers?status=ACTIVE&size=2").then().statusCode(200)
                .body("size", equalTo(2)).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2))
                .body("total", notNullValue());
        as(REVIEWER).get("/customers?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as(REVIEWER).get("/customers?status=HAPPY").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theAcceptableUsePolicyIsPublic() {
        given().get("/policies").then().statusCode(200)
                .body("find { it.id == 'aup-violence' }.text", equalTo("No content that encourages or incites violence"))
                .body("find { it.id == 'aup-violence' }.cureHours", equalTo(24));
    }

    @Test
    void idempotentCreationReplaysTheFirstResponse() {
        Map<String, Object> body = Map.of("legalName", "Once", "domains", List.of(Api.uniqueDomain("once")));
        int first = as(ADMIN).header("Idempotency-Key", "create-once-" + body.hashCode()).body(body)
                .post("/customers").then().statusCode(201).extract().path("id");
        as(ADMIN).header("Idempotency-Key", "create-once-" + body.hashCode()).body(body)
                .post("/customers").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    static long total() {
        return ((Number) as(ADMIN).get("/customers?size=1").then().extract().path("total")).longValue();
    }

    static void assertTotal(long expected) {
        as(ADMIN).get("/customers?size=1").then().body("total", equalTo((int) expected));
    }
}
