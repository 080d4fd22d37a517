package org.takedown.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.takedown.testkit.Tokens;

/** Calls to this service's REST API as the tests' various callers. */
final class Api {

    static final String ADMIN = Tokens.staff("ada-admin", "admin");

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(ADMIN);
    }

    static String customer(String email) {
        return Tokens.tenant("customer-" + email, email, "customer");
    }

    static String provider(String providerId) {
        return Tokens.tenant(providerId + "-trust-and-safety", providerId, "provider");
    }

    /** Every notification of an event, as the admin list shows it. */
    static List<Map<String, Object>> notificationsOf(String eventId) {
        return admin().queryParam("eventId", eventId).queryParam("size", 500).get("/notifications").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until the event's notifications are stored (the inbox consumes asynchronously from the broker). */
    static List<Map<String, Object>> awaitNotifications(String eventId, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(eventId).size() >= expected);
        return notificationsOf(eventId);
    }

    static JsonPath notification(Object id) {
        return admin().get("/notifications/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String subscribe(String url, String secret, List<String> eventTypes, List<String> subjects) {
        return admin().body(Map.of("url", url, "secret", secret, "eventTypes", eventTypes, "subjects", subjects))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    static void advanceClock(String by) {
        admin().body(Map.of("by", by)).post("/admin/clock/advance").then().statusCode(200);
    }

    static Map<String, Object> only(List<Map<String, Object>> items, String channel, String recipient) {
        return items.stream().filter(i -> channel.equals(i.get("channel")) && recipient.equals(i.get("recipient")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + channel + " to " + recipient + " in " + items));
    }
}
