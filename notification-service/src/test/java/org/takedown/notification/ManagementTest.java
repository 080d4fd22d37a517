package org.takedown.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.Action;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.Party;

/** Subscriptions, preferences, templates and contacts: what admins and recipients may set, and bad input. */
@QuarkusTest
class ManagementTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EventCodec codec;

    @Test
    void subscriptionsRefuseBadInputAndAreAdminOnly() {
        Api.admin().body(Map.of("url", "ftp://hooks.example.org/x", "secret", "a-secret-of-some-length"))
                .post("/subscriptions").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("url"));
        Api.admin().body(Map.of("url", "https://hooks.example.org/x", "secret", "short"))
                .post("/subscriptions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("secret"));
        Api.admin().body(Map.of("secret", "a-secret-of-some-length")).post("/subscriptions").then().statusCode(400)
                .body("errors.field", hasItem("url"));
        Api.admin().body(Map.of("url", WebhookReceiver.url("/x"), "secret", "a-secret-of-some-length",
                "eventTypes", List.of("decision.exploded"))).post("/subscriptions").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("eventTypes"));
        Api.admin().body("{not json").post("/subscriptions").then().statusCode(400).contentType(PROBLEM);
        Api.as(Api.customer("x@parler.test")).body(Map.of("url", WebhookReceiver.url("/x"), "secret",
                "a-secret-of-some-length")).post("/subscriptions").then().statusCode(403).contentType(PROBLEM);

        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("url", WebhookReceiver.url("/created"), "secret", "a-secret-of-some-length",
                "eventTypes", List.of("decision.reversed"), "subjects", List.of("Nobody " + key));
        String id = Api.admin().header("Idempotency-Key", key).body(request).post("/subscriptions").then()
                .statusCode(201).header("Location", notNullValue()).body("secret", equalTo(null)).extract().path("id");
        Api.admin().header("Idempotency-Key", key).body(request).post("/subscriptions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Api.admin().get("/subscriptions/" + id).then().statusCode(200)
                .body("eventTypes", equalTo(List.of("decision.reversed"))).body("secret", equalTo(null));
        Api.admin().delete("/subscriptions/" + id).then().statusCode(204);
        Api.admin().get("/subscriptions/" + id).then().statusCode(404).contentType(PROBLEM);
        Api.admin().delete("/subscriptions/" + id).then().statusCode(404);
        Api.admin().get("/subscriptions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listFiltersAreValidated() {
        Api.admin().queryParam("status", "LOST").get("/notifications").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        Api.admin().queryParam("channel", "PIGEON").get("/notifications").then().statusCode(400);
        Api.admin().queryParam("size", 501).get("/notifications").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
        Api.admin().get("/notifications/424242424").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aRecipientChoosesChannelsButALegallyRequiredNoticeStillReachesItEverywhere() {
        Party party = PeerEvents.party("prefs");
        String contact = PeerEvents.contactOf(party);
        String self = Api.customer(contact);

        Api.as(self).body(Map.of("notice.issued", Map.of("channels", List.of("INBOX")),
                "decision.issued", Map.of("channels", List.of()))).put("/preferences/" + contact).then()
                .statusCode(200).body("'notice.issued'.channels", equalTo(List.of("INBOX")));
        Api.as(self).body(Map.of("decision.reversed", Map.of("channels", List.of("INBOX"))))
                .put("/preferences/" + contact).then().statusCode(422).contentType(PROBLEM);
        Api.as(self).body(Map.of("notice.issued", Map.of("channels", List.of("WEBHOOK"))))
                .put("/preferences/" + contact).then().statusCode(422);
        Api.as(self).body(Map.of("notice.cancelled", Map.of("channels", List.of("EMAIL"))))
                .put("/preferences/" + contact).then().statusCode(422);
        Api.as(self).body(Map.of("notice.issued", Map.of("channels", List.of("SMOKE"))))
                .put("/preferences/" + contact).then().statusCode(400).contentType(PROBLEM);
        Api.as(Api.customer("other@parler.test")).body(Map.of("notice.issued", Map.of("channels", List.of())))
                .put("/preferences/" + contact).then().statusCode(404);
        Api.admin().get("/preferences/" + contact).then().statusCode(200)
                .body("'decision.issued'.channels", equalTo(List.of()));

        // the notice honours the choice: inbox only
        String notice = PeerEvents.send(codec, "apple", PeerEvents.notice(party));
        List<Map<String, Object>> noticeFor = Api.awaitNotifications(notice, 5).stream()
                .filter(n -> contact.equals(n.get("recipient"))).toList();
        assertEquals(Set.of("INBOX"), channels(noticeFor));

        // a suspension is a statement of reasons the party must receive: both channels despite "none"
        String suspension = PeerEvents.send(codec, "apple", PeerEvents.suspension(party));
        List<Map<String, Object>> suspensionFor = Api.awaitNotifications(suspension, 6).stream()
                .filter(n -> contact.equals(n.get("recipient"))).toList();
        assertEquals(Set.of("EMAIL", "INBOX"), channels(suspensionFor));
        assertTrue(suspensionFor.stream().allMatch(n -> Boolean.TRUE.equals(n.get("legallyRequired"))));

        // a warning is not restrictive, so the choice of no channel for decisions applies to it
        String warning = PeerEvents.send(codec, "apple", PeerEvents.decision(party, Action.WARN, 1));
        assertTrue(Api.awaitNotifications(warning, 4).stream().noneMatch(n -> contact.equals(n.get("recipient"))));
    }

    @Test
    void anAdminOverridesAProvidersWordingAndCanGoBack() {
        Api.admin().get("/templates/letters/decision.issued.txt").then().statusCode(200)
                .body("origin", equalTo("bundled")).body("content", org.hamcrest.Matchers.containsString("appeal"));
        Api.admin().get("/templates").then().statusCode(200).body("name", hasItem("webhooks/review.opened.txt"));
        Api.admin().get("/templates/letters/decision.issued.zz.txt").then().statusCode(404);
        Api.admin().body(Map.of("content", "x")).put("/templates/letters/unknown.event.txt").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        Api.admin().body(Map.of("content", "x")).put("/templates/webhooks/notice.issued.html").then().statusCode(422);
        Api.admin().body(Map.of("content", "{#if ctx.source}unclosed")).put("/templates/letters/notice.issued.txt")
                .then().statusCode(422).body("errors[0].field", equalTo("content"));
        Api.admin().body(Map.of()).put("/templates/letters/notice.issued.txt").then().statusCode(400);
        Api.as(Api.customer("x@parler.test")).get("/templates").then().statusCode(403);

        String name = "letters/notice.issued.google.subject.txt";
        Api.admin().body(Map.of("content", "Google Play notice for {ctx.partyName}, cure by "
                + "{ctx.event.cureDeadline.formal}")).put("/templates/" + name).then().statusCode(200)
                .body("origin", equalTo("database")).body("updatedBy", equalTo("ada-admin"));
        Party party = PeerEvents.party("wording");
        String fromGoogle = PeerEvents.send(codec, "google", PeerEvents.notice(party));
        String fromApple = PeerEvents.send(codec, "apple", PeerEvents.notice(party));
        String contact = PeerEvents.contactOf(party);
        assertEquals("Google Play notice for " + party.legalName() + ", cure by 11 January 2021, 23:59 UTC",
                Api.only(Api.awaitNotifications(fromGoogle, 6), "EMAIL", contact).get("subject"));
        assertTrue(((String) Api.only(Api.awaitNotifications(fromApple, 6), "EMAIL", contact).get("subject"))
                .startsWith("apple: notice to"), "other providers keep the generic wording");

        Api.admin().delete("/templates/" + name).then().statusCode(204);
        Api.admin().delete("/templates/" + name).then().statusCode(404);
        String afterwards = PeerEvents.send(codec, "google", PeerEvents.notice(party));
        assertTrue(((String) Api.only(Api.awaitNotifications(afterwards, 6), "EMAIL", contact).get("subject"))
                .startsWith("google: notice to"));
    }

    @Test
    void aContactRegisteredHereIsToldToo() {
        Party party = PeerEvents.party("registered");
        String counsel = "counsel-" + UUID.randomUUID() + "@parler.test";
        Api.admin().body(Map.of("party", party.legalName().toUpperCase(), "role", "general-counsel", "name", "Jane Roe",
                "email", counsel)).post("/contacts").then().statusCode(201);
        Api.admin().body(Map.of("party", party.legalName(), "role", "general-counsel", "email", counsel))
                .post("/contacts").then().statusCode(409).contentType(PROBLEM);
        Api.admin().body(Map.of("party", party.legalName(), "role", "x", "email", "not-an-email")).post("/contacts")
                .then().statusCode(400).body("errors.field", hasItem("email"));

        String eventId = PeerEvents.send(codec, "aws", PeerEvents.notice(party));
        List<Map<String, Object>> stored = Api.awaitNotifications(eventId, 8);
        Api.only(stored, "EMAIL", counsel);
        Api.only(stored, "INBOX", counsel);
    }

    @Test
    void aPartyNameInAnEventIsNotAPattern() {
        Party party = PeerEvents.party("pattern");
        Party registered = new Party("ParlerXLLC 1000 " + party.legalName(), party.domains(), List.of(),
                party.contacts());
        Party wildcards = new Party("Parler_LLC 100% " + party.legalName(), party.domains(), List.of(),
                party.contacts());
        String counsel = "counsel-" + UUID.randomUUID() + "@parler.test";
        Api.admin().body(Map.of("party", registered.legalName().toUpperCase(), "role", "general-counsel",
                "email", counsel)).post("/contacts").then().statusCode(201);

        Api.only(Api.awaitNotifications(PeerEvents.send(codec, "aws", PeerEvents.notice(registered)), 8), "EMAIL",
                counsel);
        List<Map<String, Object>> toWildcards = Api.awaitNotifications(
                PeerEvents.send(codec, "aws", PeerEvents.notice(wildcards)), 6);
        assertEquals(6, toWildcards.size(), toWildcards::toString);
        assertTrue(toWildcards.stream().noneMatch(n -> counsel.equals(n.get("recipient"))), toWildcards::toString);
    }

    private static Set<Object> channels(List<Map<String, Object>> notifications) {
        return notifications.stream().map(n -> n.get("channel")).collect(Collectors.toSet());
    }
}
