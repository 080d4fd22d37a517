package org.takedown.appstore;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.takedown.appstore.Fixtures.EVIDENCE_SHA;
import static org.takedown.appstore.Fixtures.PROBLEM;
import static org.takedown.appstore.Fixtures.REPORTER;
import static org.takedown.appstore.Fixtures.REVIEWER;
import static org.takedown.appstore.Fixtures.as;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.takedown.testkit.Tokens;

@QuarkusTest
class ReportTest {

    @Test
    void aReportOpensOneCasePerListingAndTheSameContentFromTheSameReporterIsADuplicate() {
        var dev = Fixtures.developer("Reported");
        long listing = Fixtures.listing(dev, "app", true);
        Map<String, Object> report = Map.of("listingId", listing, "source", "USER", "category", "SPAM",
                "contentUrl", "https://example.org/post/1", "evidenceSha256", EVIDENCE_SHA,
                "observedAt", "2021-01-08T10:00:00Z");

        int caseId = as(REPORTER).body(report).post("/reports").then().statusCode(201)
                .body("duplicate", equalTo(false)).body("reviewCaseId", notNullValue())
                .extract().path("reviewCaseId");
        int firstId = as(REPORTER).body(report).post("/reports").then().statusCode(200)
                .body("duplicate", equalTo(true)).body("reviewCaseId", equalTo(caseId)).extract().path("id");
        // another reporter, and other content by bundle id, join the same undecided case and raise its priority
        as(Tokens.staff("reporter-2", "reporter")).body(report).post("/reports").then().statusCode(201)
                .body("reviewCaseId", equalTo(caseId));
        as(REPORTER).body(Map.of("bundleId", dev.bundle("app"), "source", "AUTOMATED_CHECK",
                "category", "VIOLENCE_INCITEMENT", "contentUrl", "https://example.org/post/2"))
                .post("/reports").then().statusCode(201).body("reviewCaseId", equalTo(caseId))
                .body("source", equalTo("AUTOMATED_CHECK"));

        as(REVIEWER).get("/reports?listingId=" + listing).then().statusCode(200).body("total", equalTo(3));
        as(REVIEWER).get("/reports/" + firstId).then().statusCode(200).body("contentUrl",
                equalTo("https://example.org/post/1"));
        as(REVIEWER).get("/reviews?listingId=" + listing).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].trigger", equalTo("REPORT")).body("items[0].state", equalTo("OPEN"))
                .body("items[0].priority", equalTo("HIGH")).body("items[0].slaDeadline", notNullValue());
        org.junit.jupiter.api.Assertions.assertEquals("LIVE", Fixtures.listingStatus(listing));
    }

    @Test
    void badReportsAreRefusedWithTheFieldNamed() {
        var dev = Fixtures.developer("Badreport");
        long listing = Fixtures.listing(dev, "app", true);
        as(REPORTER).body(Map.of("listingId", listing, "category", "KITTENS", "contentUrl", "https://x.org/1"))
                .post("/reports").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("category"));
        as(REPORTER).body(Map.of("listingId", listing, "category", "SPAM", "contentUrl", "ftp://x",
                "evidenceSha256", "XYZ")).post("/reports").then().statusCode(400)
                .body("errors.field", hasItem("contentUrl")).body("errors.field", hasItem("evidenceSha256"));
        as(REPORTER).body(Map.of("listingId", 987654321, "category", "SPAM", "contentUrl", "https://x.org/1"))
                .post("/reports").then().statusCode(422).body("errors[0].field", equalTo("listingId"));
        as(REPORTER).body(Map.of("category", "SPAM", "contentUrl", "https://x.org/1"))
                .post("/reports").then().statusCode(422).body("errors[0].field", equalTo("listingId"));
        as(REVIEWER).get("/reports?listingId=" + listing).then().body("total", equalTo(0));
    }

    @Test
    void onlyStaffReadReportsAndDevelopersCannotFileThem() {
        var dev = Fixtures.developer("Roles");
        long listing = Fixtures.listing(dev, "app", true);
        as(REPORTER).get("/reports").then().statusCode(403);
        as(dev.token()).body(Map.of("listingId", listing, "category", "SPAM", "contentUrl", "https://x.org/1"))
                .post("/reports").then().statusCode(403);
        as(REVIEWER).get("/reports/987654321").then().statusCode(404).contentType(PROBLEM);
    }
}
