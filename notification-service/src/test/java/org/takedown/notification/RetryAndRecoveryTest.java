package org.takedown.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.audit.AuditEntry;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.Party;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.Notification;
import org.takedown.notification.repository.NotificationStatus;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.LocalBroker;

/**
 * Failing deliveries back off and die, an admin revives them, a redelivered event changes nothing, and deliveries
 * left pending by a stopped (or crashed) process are picked up from the database. Time moves by the controllable
 * clock; nothing sleeps through a backoff.
 */
@QuarkusTest
class RetryAndRecoveryTest {

    @Inject
    EventCodec codec;

    @Inject
    TakedownClock clock;

    @Inject
    DataSource dataSource;

    @Test
    void aFailingWebhookBacksOffThenDiesAndAnAdminRetryRevivesIt() {
        Party party = PeerEvents.party("failing");
        String hookPath = "/hooks/fail-" + UUID.randomUUID();
        WebhookReceiver.answer(hookPath, 500);
        String subscription = Api.subscribe(WebhookReceiver.url(hookPath), "a-secret-of-some-length",
                List.of(), List.of(party.legalName()));
        String eventId = PeerEvents.send(codec, "aws", PeerEvents.suspension(party));
        Object id = Api.only(Api.awaitNotifications(eventId, 7), "WEBHOOK", "webhook:" + subscription).get("id");

        JsonPath first = awaitAttempts(id, 1);
        assertEquals("PENDING", first.getString("status"));
        assertEquals(500, first.getInt("attemptLog[0].responseCode"));
        assertTrue(first.getString("lastError").startsWith("HTTP 500"), first.getString("lastError"));
        // initial backoff 1m with jitter 0.5: the second attempt is due 30 to 60 seconds after the first
        assertBetween(gap(first, 0), Duration.ofSeconds(30), Duration.ofSeconds(60));

        Api.advanceClock("PT2M");
        JsonPath second = awaitAttempts(id, 2);
        assertEquals("PENDING", second.getString("status"));
        // the wait doubled: 60 to 120 seconds
        assertBetween(gap(second, 1), Duration.ofSeconds(60), Duration.ofSeconds(120));

        Api.advanceClock("PT3M");
        JsonPath dead = awaitAttempts(id, 3);
        assertEquals("DEAD", dead.getString("status"));
        assertEquals(List.of(500, 500, 500), dead.getList("attemptLog.responseCode"));
        assertEquals(3, WebhookReceiver.received(hookPath).size());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = ?1 and entityId = ?2", "notification.dead", String.valueOf(id))));
        Api.admin().queryParam("status", "DEAD").queryParam("eventId", eventId).get("/notifications").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].attempts", equalTo(3));

        // the receiver is fixed; an admin re-queues the dead delivery and it goes through
        WebhookReceiver.answer(hookPath, 204);
        Api.admin().post("/notifications/" + id + "/retry").then().statusCode(202).body("status", equalTo("PENDING"));
        JsonPath revived = awaitAttempts(id, 4);
        assertEquals("DELIVERED", revived.getString("status"));
        assertEquals(List.of(500, 500, 500, 204), revived.getList("attemptLog.responseCode"));
        assertEquals(List.of(1, 2, 3, 4), revived.getList("attemptLog.attempt"));
        assertEquals("4", WebhookReceiver.received(hookPath).get(3).headers().get("takedown-delivery-attempt"));

        Api.admin().post("/notifications/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        Api.admin().post("/notifications/999999999/retry").then().statusCode(404);
    }

    @Test
    void aRedeliveredEventCreatesNoDuplicates() {
        Party party = PeerEvents.party("redelivered");
        String json = PeerEvents.signed(codec, "apple", PeerEvents.notice(party));
        String eventId = PeerEvents.idOf(codec, json);
        for (int i = 0; i < 3; i++) {
            BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, json);
        }
        Api.awaitNotifications(eventId, 6);
        // a later event proves the copies were consumed rather than still queued
        String later = PeerEvents.send(codec, "apple", PeerEvents.notice(party));
        Api.awaitNotifications(later, 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.notificationsOf(eventId).stream()
                .allMatch(n -> "DELIVERED".equals(n.get("status"))));

        assertEquals(6, Api.notificationsOf(eventId).size());
        String contact = PeerEvents.contactOf(party);
        assertEquals(2, Mailbox.to(contact).size(), "one letter per event, not per copy");

        // and the database itself refuses a second notification of the event to the same recipient and channel
        Notification existing = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "eventId = ?1 and channel = ?2 and recipient = ?3", eventId, Channel.EMAIL, contact).singleResult());
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Notification copy = pending(existing.eventId, existing.recipient, Channel.EMAIL, clock.now());
            copy.persistAndFlush();
        }));
    }

    @Test
    void deliveriesLeftPendingByAStoppedProcessAreResumed() throws Exception {
        String hookPath = "/hooks/resume-" + UUID.randomUUID();
        String subscription = Api.subscribe(WebhookReceiver.url(hookPath), "a-secret-of-some-length",
                List.of("notice.issued"), List.of("No party ever sends this " + UUID.randomUUID()));
        String eventId = "left-over-" + UUID.randomUUID();
        String mailTo = "resume-" + UUID.randomUUID() + "@parler.test";
        Instant earlier = clock.now().minus(Duration.ofMinutes(10));

        // rows exactly as a previous process left them: stored, one attempt made, never finished; no commit of
        // this process announces them, so only the dispatcher's own look at the database can find them
        Long emailId = QuarkusTransaction.requiringNew().call(() -> {
            Notification mail = pending(eventId, mailTo, Channel.EMAIL, earlier);
            mail.attempts = 1;
            mail.persist();
            Notification hook = pending(eventId, "webhook:" + subscription, Channel.WEBHOOK, earlier);
            hook.subscriptionId = UUID.fromString(subscription);
            hook.target = WebhookReceiver.url(hookPath);
            hook.payload = "{\"eventId\":\"" + eventId + "\"}";
            hook.persist();
            return mail.id;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.notificationsOf(eventId).stream()
                .allMatch(n -> "DELIVERED".equals(n.get("status"))));
        assertEquals(1, Mailbox.to(mailTo).size());
        assertEquals(1, WebhookReceiver.received(hookPath).size());
        assertEquals(2, Api.notification(emailId).getInt("attempts"));
    }

    @Test
    void aDeliveryWhoseProcessDiedMidAttemptIsMadeAgain() throws Exception {
        String eventId = "in-flight-" + UUID.randomUUID();
        String lockedTo = "locked-" + UUID.randomUUID() + "@parler.test";
        String freeTo = "free-" + UUID.randomUUID() + "@parler.test";
        Instant later = clock.now().plus(Duration.ofHours(1));
        Long lockedId = QuarkusTransaction.requiringNew().call(() -> {
            pending(eventId, freeTo, Channel.EMAIL, later).persist();
            Notification locked = pending(eventId, lockedTo, Channel.EMAIL, later);
            locked.persist();
            return locked.id;
        });

        // another process is in the middle of delivering this row: it holds the row lock in its open transaction
        try (Connection dying = dataSource.getConnection()) {
            dying.setAutoCommit(false);
            try (PreparedStatement lock = dying.prepareStatement("select id from notification where id = ? for update")) {
                lock.setLong(1, lockedId);
                try (ResultSet rows = lock.executeQuery()) {
                    assertTrue(rows.next());
                }
            }
            Api.advanceClock("PT2H");
            // this dispatcher delivers what is free and leaves the row in flight alone
            await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(freeTo).size() == 1);
            assertEquals(0, Mailbox.to(lockedTo).size());
            assertEquals(NotificationStatus.PENDING, status(lockedId));
            // the process dies: its transaction rolls back and the row is still PENDING in the database
            dying.rollback();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> status(lockedId) == NotificationStatus.DELIVERED);
        assertEquals(1, Mailbox.to(lockedTo).size());
    }

    private NotificationStatus status(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id).status);
    }

    private static Notification pending(String eventId, String recipient, Channel channel, Instant due) {
        Notification n = new Notification();
        n.eventId = eventId;
        n.eventType = "notice.issued";
        n.source = "apple";
        n.partyName = "Parler LLC";
        n.recipient = recipient;
        n.audience = channel == Channel.WEBHOOK ? null : recipient;
        n.channel = channel;
        n.target = recipient;
        n.subject = "Left over";
        n.bodyText = "A notice stored before the restart";
        n.legallyRequired = false;
        n.status = NotificationStatus.PENDING;
        n.attemptLimit = 3;
        n.nextAttemptAt = due;
        n.createdAt = due;
        return n;
    }

    private static JsonPath awaitAttempts(Object id, int attempts) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.notification(id).getInt("attempts") >= attempts);
        return Api.notification(id);
    }

    private static Duration gap(JsonPath notification, int attemptIndex) {
        return Duration.between(Instant.parse(notification.getString("attemptLog[" + attemptIndex + "].at")),
                Instant.parse(notification.getString("nextAttemptAt")));
    }

    private static void assertBetween(Duration actual, Duration min, Duration max) {
        assertTrue(actual.compareTo(min) >= 0 && actual.compareTo(max) <= 0,
                actual + " is not between " + min + " and " + max);
    }
}
