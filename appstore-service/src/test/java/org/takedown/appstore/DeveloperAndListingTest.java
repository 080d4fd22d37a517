package org.takedown.appstore;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.takedown.appstore.Fixtures.ADMIN;
import static org.takedown.appstore.Fixtures.PROBLEM;
import static org.takedown.appstore.Fixtures.REPORTER;
import static org.takedown.appstore.Fixtures.REVIEWER;
import static org.takedown.appstore.Fixtures.as;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

@QuarkusTest
class DeveloperAndListingTest {

    @Test
    void anAdminRegistersADeveloperAndAListingThatStartsLive() {
        var dev = Fixtures.developer("Parler");
        as(ADMIN).get("/developers/" + dev.id()).then().statusCode(200)
                .body("legalName", equalTo(dev.legalName()))
                .body("domains", hasItem(dev.domain()))
                .body("contacts[0].role", equalTo("chief-policy-officer"));
        as(ADMIN).body(Map.of("appName", "Parler", "bundleId", dev.bundle("parler"), "platform", "ANDROID",
                "version", "1.4.2", "hostsUserContent", true)).post("/developers/" + dev.id() + "/listings")
                .then().statusCode(201).header("Location", containsString("/listings/"))
                .body("id", notNullValue()).body("status", equalTo("LIVE"))
                .body("platform", equalTo("ANDROID")).body("hostsUserContent", equalTo(true))
                .body("developerId", equalTo((int) dev.id()));
        as(REVIEWER).get("/developers/" + dev.id() + "/listings").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].bundleId", equalTo(dev.bundle("parler")));
        as(REVIEWER).get("/listings?status=LIVE&developerId=" + dev.id()).then().statusCode(200)
                .body("total", equalTo(1));
        as(REVIEWER).get("/developers?size=500").then().statusCode(200).body("items.legalName", hasItem(dev.legalName()));
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        as(ADMIN).body(Map.of("legalName", "", "domains", List.of("not a domain"),
                "contacts", List.of(Map.of("role", "cpo", "email", "nope")))).post("/developers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("legalName", "domains[0]", "contacts[0].email"));
        var dev = Fixtures.developer("Badinput");
        as(ADMIN).body(Map.of("appName", "X", "bundleId", "has spaces", "platform", "WINDOWS", "version", "1",
                "hostsUserContent", true)).post("/developers/" + dev.id() + "/listings")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("platform"));
        as(ADMIN).body(Map.of("appName", "X", "bundleId", "has spaces", "platform", "IOS", "version", "1"))
                .post("/developers/" + dev.id() + "/listings")
                .then().statusCode(400).body("errors.field", hasItems("bundleId", "hostsUserContent"));
        as(ADMIN).get("/developers/" + dev.id() + "/listings").then().body("total", equalTo(0));
        as(ADMIN).body(Map.of("appName", "X", "bundleId", "com.x.y", "platform", "IOS", "version", "1",
                "hostsUserContent", false)).post("/developers/999999/listings").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void duplicatesAreConflicts() {
        var dev = Fixtures.developer("Dupe");
        as(ADMIN).body(Map.of("legalName", dev.legalName().toUpperCase() + ".")).post("/developers")
                .then().statusCode(409).contentType(PROBLEM);
        Fixtures.listing(dev, "app", false);
        as(ADMIN).body(Map.of("appName", "Again", "bundleId", dev.bundle("app"), "platform", "IOS", "version", "2",
                "hostsUserContent", false)).post("/developers/" + dev.id() + "/listings")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void anIdempotencyKeyReplaysTheCreationAndADifferentBodyIsRefused() {
        String name = "Idem " + System.nanoTime() + " Inc";
        int first = as(ADMIN).header("Idempotency-Key", name).body(Map.of("legalName", name)).post("/developers")
                .then().statusCode(201).extract().path("id");
        as(ADMIN).header("Idempotency-Key", name).body(Map.of("legalName", name)).post("/developers")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(ADMIN).header("Idempotency-Key", name).body(Map.of("legalName", name + " 2")).post("/developers")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void rolesAndTenantsAreEnforced() {
        var dev = Fixtures.developer("Tenant");
        var other = Fixtures.developer("Stranger");
        long listing = Fixtures.listing(dev, "app", true);
        long othersListing = Fixtures.listing(other, "app", true);

        given().contentType("application/json").body(Map.of("legalName", "Anon")).post("/developers")
                .then().statusCode(401).contentType(PROBLEM);
        as(REVIEWER).body(Map.of("legalName", "By reviewer")).post("/developers").then().statusCode(403);
        as(dev.token()).body(Map.of("legalName", "By developer")).post("/developers").then().statusCode(403);
        as(REPORTER).get("/listings/" + listing).then().statusCode(403);

        as(dev.token()).get("/listings/" + listing).then().statusCode(200).body("status", equalTo("LIVE"));
        as(dev.token()).get("/developers/" + dev.id()).then().statusCode(200);
        as(dev.token()).get("/listings/" + othersListing).then().statusCode(404).contentType(PROBLEM);
        as(dev.token()).get("/developers/" + other.id()).then().statusCode(404);
        as(dev.token()).get("/developers/" + other.id() + "/listings").then().statusCode(404);
        as(dev.token()).get("/listings").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo((int) listing));
        as(dev.token()).get("/listings?developerId=" + other.id()).then().statusCode(200).body("total", equalTo(0));
        as(dev.token()).get("/developers").then().statusCode(403);
    }

    @Test
    void theStorePublishesItsPoliciesAndItsApiDescription() {
        given().get("/policies").then().statusCode(200)
                .body("policies.id", hasItem("ugc-moderation"))
                .body("policies.find { it.id == 'ugc-moderation' }.text", containsString("content filter"))
                .body("allowPeerOnlyRemoval", equalTo(false));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/reviews/{id}/decision'.post.summary", containsString("Decide"))
                .body("paths.'/peer-signals'.get", notNullValue());
    }
}
