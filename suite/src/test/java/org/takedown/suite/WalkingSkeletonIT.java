package org.takedown.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.takedown.testkit.LocalBroker;

/**
 * The walking skeleton of the Foundation issue, across the four instances running as separate processes over a
 * real PostgreSQL and a real Artemis: a suspension at aws becomes an independent review at apple and google, and a
 * letter to the customer that notification delivers through a real SMTP server.
 */
@ExtendWith(SuiteExtension.class)
class WalkingSkeletonIT {

    static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);

    @Test
    void aSuspensionAtAwsOpensAnIndependentReviewAtEachStoreAndALetterToTheCustomer(SuiteEndpoints suite) {
        SuiteClient client = new SuiteClient(suite);
        Fixtures.Company parler = Fixtures.company(client, "Parler LLC");

        String decisionId = Fixtures.suspend(client, parler);

        for (String store : List.of("apple", "google")) {
            JsonNode review = await().atMost(WITHIN_SECONDS)
                    .until(() -> openReview(client, store, parler.listingIds().get(store)), r -> r != null);
            assertEquals(decisionId, review.get("peerDecisionId").asText());
            assertEquals("aws", review.get("peerProvider").asText());
            assertEquals("LIVE", client.admin(store).get("/listings/" + parler.listingIds().get(store))
                    .get("status").asText(), store + " removed nothing on its own");
        }
        JsonNode letters = await().atMost(WITHIN_SECONDS).until(() -> client.admin("notification")
                .get("/notifications", Map.of("recipient", parler.contactEmail())).get("items"),
                items -> StreamSupport.stream(items.spliterator(), false)
                        .anyMatch(n -> n.get("eventType").asText().equals("decision.issued")));
        assertTrue(letters.size() >= 1);
        if (suite instanceof LocalSuite local) {
            await().atMost(WITHIN_SECONDS).until(() -> local.receivedMail().stream()
                    .anyMatch(letter -> recipients(letter).contains(parler.contactEmail())));
        }
    }

    static String recipients(jakarta.mail.internet.MimeMessage letter) {
        try {
            return java.util.Arrays.toString(letter.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStoreThatWasDownCatchesUpFromItsDurableSubscription(SuiteEndpoints suite) {
        assumeTrue(suite.controlsProcesses(), "instances of a remote suite cannot be restarted from the test");
        SuiteClient client = new SuiteClient(suite);
        Fixtures.Company gab = Fixtures.company(client, "Gab AI Inc");

        suite.stop("google");
        String decisionId;
        try {
            decisionId = Fixtures.suspend(client, gab);
            // apple, which stayed up, sees it at once
            await().atMost(WITHIN_SECONDS).until(() -> openReview(client, "apple", gab.listingIds().get("apple")),
                    r -> r != null);
        } finally {
            suite.start("google");
        }
        JsonNode review = await().atMost(WITHIN_SECONDS)
                .until(() -> openReview(client, "google", gab.listingIds().get("google")), r -> r != null);
        assertEquals(decisionId, review.get("peerDecisionId").asText());
    }

    @Test
    void aForgedEventChangesNothingAnywhereAndIsDeadLettered(SuiteEndpoints suite) throws Exception {
        assumeTrue(suite.broker().isPresent(), "needs direct access to the broker");
        LocalBroker broker = suite.broker().get();
        SuiteClient client = new SuiteClient(suite);
        Fixtures.Company target = Fixtures.company(client, "Forgery Target Ltd");
        long deadBefore = broker.deadLetterCount();

        String forged = ForgedEvents.suspensionClaimingToBeAws(target.legalName(), target.domain(), target.bundleId());
        String forgedId = SuiteClient.JSON.readTree(forged).get("id").asText();
        broker.sendRaw(LocalBroker.EVENTS_ADDRESS, forged);

        // every peer refuses its own copy; aws ignores events in its own name, which it never applies anyway
        await().atMost(WITHIN_SECONDS).until(() -> broker.deadLetterCount() >= deadBefore + 3);
        for (String instance : List.of("apple", "google", "notification")) {
            JsonNode refused = client.admin(instance).get("/admin/dead-letters", Map.of("size", 50)).get("items");
            assertTrue(StreamSupport.stream(refused.spliterator(), false)
                    .anyMatch(letter -> forgedId.equals(letter.path("eventId").asText())),
                    instance + " keeps an audit record of the refusal");
        }
        for (String store : List.of("apple", "google")) {
            assertEquals(0, client.reviewer(store, store + "-reviewer").get("/reviews",
                    Map.of("listingId", target.listingIds().get(store))).get("total").asInt(), store + " opened nothing");
        }
        assertEquals(0, client.admin("notification").get("/notifications", Map.of("recipient", target.contactEmail()))
                .get("total").asInt(), "nobody was told anything");
    }

    static JsonNode openReview(SuiteClient client, String store, String listingId) {
        JsonNode items = client.reviewer(store, store + "-reviewer").get("/reviews", Map.of("listingId", listingId))
                .get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(r -> !"CONCLUDED".equals(r.get("state").asText())).findFirst().orElse(null);
    }
}
