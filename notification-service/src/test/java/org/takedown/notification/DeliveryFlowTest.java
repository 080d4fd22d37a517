package org.takedown.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.Party;
import org.takedown.notification.service.WebhookSignature;

/** An aws suspension, over the real broker, reaches the customer by letter, the subscriber by webhook, and inboxes. */
@QuarkusTest
class DeliveryFlowTest {

    private static final String SECRET = "whsec-" + UUID.randomUUID();

    @Inject
    EventCodec codec;

    @Inject
    ObjectMapper mapper;

    @Test
    void anAwsSuspensionIsLetteredSignedAndFiled() throws Exception {
        Party party = PeerEvents.party("flow");
        String contact = PeerEvents.contactOf(party);
        String hookPath = "/hooks/ok-" + UUID.randomUUID();
        Api.subscribe(WebhookReceiver.url(hookPath), SECRET, List.of("decision.issued"), List.of(party.legalName()));

        String eventId = PeerEvents.send(codec, "aws", PeerEvents.suspension(party));

        // party contact by email and inbox, apple's and google's T&S by email and inbox (aws sent it), one webhook
        List<Map<String, Object>> stored = Api.awaitNotifications(eventId, 7);
        assertEquals(7, stored.size(), stored::toString);
        assertEquals(Set.of("aws"), stored.stream().map(n -> n.get("source")).collect(Collectors.toSet()));
        Api.only(stored, "EMAIL", contact);
        Api.only(stored, "INBOX", contact);
        Api.only(stored, "EMAIL", "trust-and-safety@apple.test");
        Api.only(stored, "INBOX", "apple");
        Api.only(stored, "INBOX", "google");
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.notificationsOf(eventId).stream()
                .allMatch(n -> "DELIVERED".equals(n.get("status"))));

        // the letter, through the real SMTP server, in aws's own wording
        List<MimeMessage> letters = Mailbox.to(contact);
        assertEquals(1, letters.size());
        MimeMessage letter = letters.get(0);
        assertTrue(letter.getSubject().contains("SUSPEND"), letter.getSubject());
        String text = Mailbox.part(letter, "text/plain");
        assertTrue(text.contains("Dear Amy Peikoff"), text);
        assertTrue(text.contains("Amazon Web Services Trust & Safety"), "the aws template wins: " + text);
        assertTrue(text.contains(PeerEvents.FACTS), text);
        assertTrue(text.contains("aup-1.2: \"" + PeerEvents.CLAUSE + "\""), text);
        assertTrue(text.contains("We reviewed 98 item(s) of evidence"), text);
        assertTrue(text.contains("You may appeal until 24 January 2021, 23:59 UTC, that is within 14 days"), text);
        String html = Mailbox.part(letter, "text/html");
        assertTrue(html.contains("<strong>24 January 2021, 23:59 UTC</strong>"), html);
        assertTrue(html.contains(PeerEvents.FACTS), html);
        assertEquals(1, Mailbox.to("trust-and-safety@google.test").stream()
                .filter(m -> header(m, "Takedown-Event-Id").equals(eventId)).count());

        // the webhook, whose signature verifies with the subscription's secret
        await().atMost(Duration.ofSeconds(20)).until(() -> !WebhookReceiver.received(hookPath).isEmpty());
        WebhookReceiver.Received hook = WebhookReceiver.received(hookPath).get(0);
        String signature = hook.headers().get("takedown-signature");
        Map<String, String> parts = Map.of(signature.split(",")[0].split("=")[0], signature.split(",")[0].split("=")[1],
                signature.split(",")[1].split("=")[0], signature.split(",")[1].split("=")[1]);
        assertEquals(parts.get("v1"), WebhookSignature.hmac(SECRET, parts.get("t") + "." + hook.body()));
        assertEquals(parts.get("v1"), independentHmac(SECRET, parts.get("t") + "." + hook.body()));
        JsonNode body = mapper.readTree(hook.body());
        assertEquals(eventId, body.get("eventId").asText());
        assertEquals("decision.issued", body.get("eventType").asText());
        assertEquals(party.legalName(), body.get("subject").asText());
        assertTrue(body.get("summary").asText().contains("appeal until 24 January 2021"), body.toString());
        assertEquals("SUSPEND", body.get("data").get("action").asText());
        assertEquals(eventId, hook.headers().get("takedown-event-id"));

        // the inbox: the customer's own, read and with its delivery attempts
        String customer = Api.customer(contact);
        List<Map<String, Object>> inbox = Api.as(customer).get("/inbox").then().statusCode(200).extract().jsonPath()
                .getList("items");
        Map<String, Object> item = inbox.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElseThrow();
        assertTrue(((String) item.get("bodyText")).contains(PeerEvents.FACTS));
        assertEquals(true, item.get("legallyRequired"));
        Object itemId = item.get("id");
        Api.as(customer).post("/inbox/" + itemId + "/read").then().statusCode(200).body("readAt", notNullValue());
        Api.as(customer).queryParam("unread", true).get("/inbox").then().statusCode(200).body("total", equalTo(0));
        Api.as(customer).get("/inbox/" + itemId + "/attempts").then().statusCode(200)
                .body("findAll { it.channel == 'EMAIL' }.outcome", hasItem("DELIVERED"))
                .body("findAll { it.channel == 'EMAIL' }.responseCode", hasItem(250))
                .body("findAll { it.channel == 'INBOX' }.outcome", hasItem("DELIVERED"));

        // a provider reads its own inbox by its provider id
        Api.as(Api.provider("apple")).get("/inbox").then().statusCode(200)
                .body("items.eventId", hasItem(eventId));

        // the admin's view: the webhook's body as sent and its attempt with the receiver's response code
        Object hookId = Api.only(Api.notificationsOf(eventId), "WEBHOOK", "webhook:" + subscriptionOf(hookPath)).get("id");
        var detail = Api.notification(hookId);
        assertEquals(hook.body(), detail.getString("payload"));
        assertEquals(200, detail.getInt("attemptLog[0].responseCode"));
        assertEquals("DELIVERED", detail.getString("attemptLog[0].outcome"));
    }

    @Test
    void anotherRecipientsInboxItemDoesNotExistForYouAndAdminsOnlyReadTheLog() {
        Party party = PeerEvents.party("isolation");
        String contact = PeerEvents.contactOf(party);
        String eventId = PeerEvents.send(codec, "apple", PeerEvents.notice(party));
        Object itemId = Api.only(Api.awaitNotifications(eventId, 6), "INBOX", contact).get("id");

        String stranger = Api.customer("someone-else@example.test");
        Api.as(stranger).get("/inbox/" + itemId).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(stranger).post("/inbox/" + itemId + "/read").then().statusCode(404);
        Api.as(stranger).get("/inbox/" + itemId + "/attempts").then().statusCode(404);
        Api.as(stranger).get("/inbox").then().statusCode(200).body("total", equalTo(0));
        Api.as(Api.provider("google")).get("/inbox/" + itemId).then().statusCode(404);
        Api.as(Api.customer(contact.toUpperCase())).get("/inbox/" + itemId).then().statusCode(200);

        Api.as(Api.customer(contact)).get("/notifications").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(Api.customer(contact)).post("/notifications/" + itemId + "/retry").then().statusCode(403);
        Api.as(Api.ADMIN).get("/inbox").then().statusCode(403);
        io.restassured.RestAssured.given().get("/inbox").then().statusCode(401);
        io.restassured.RestAssured.given().get("/notifications").then().statusCode(401);
    }

    private static String subscriptionOf(String hookPath) {
        List<Map<String, Object>> subs = Api.admin().get("/subscriptions").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return (String) subs.stream().filter(s -> ((String) s.get("url")).endsWith(hookPath)).findFirst().orElseThrow()
                .get("id");
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? "" : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver's side of the recipe in docs/notification.md, written without the service's code. */
    private static String independentHmac(String secret, String message) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
