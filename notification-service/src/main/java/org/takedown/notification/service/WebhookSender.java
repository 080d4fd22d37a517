package org.takedown.notification.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.time.TakedownClock;
import org.takedown.notification.config.NotificationConfig;
import org.takedown.notification.repository.Notification;
import org.takedown.notification.repository.WebhookSubscription;

/** POSTs the stored body to the subscriber, signed; any 2xx is a delivery, anything else a failed attempt. */
@ApplicationScoped
public class WebhookSender {

    private static final int MAX_ERROR_BODY = 500;

    @Inject
    NotificationConfig config;

    @Inject
    TakedownClock clock;

    private HttpClient client;
    private WebhookUrlPolicy policy;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(config.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        policy = new WebhookUrlPolicy(config.allowPrivateWebhooks());
    }

    public DeliveryResult send(Notification notification, WebhookSubscription subscription, int attempt) {
        var refusal = policy.refusal(subscription.url);
        if (refusal.isPresent()) {
            return DeliveryResult.failed(null, "url " + refusal.get());
        }
        long timestamp = clock.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
                .timeout(config.webhook().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "takedown-notification/1.0")
                .header(WebhookSignature.HEADER, WebhookSignature.header(subscription.secret, timestamp,
                        notification.payload))
                .header("Takedown-Notification-Id", String.valueOf(notification.id))
                .header("Takedown-Event-Id", notification.eventId)
                .header("Takedown-Event-Type", notification.eventType)
                .header("Takedown-Delivery-Attempt", String.valueOf(attempt))
                .POST(HttpRequest.BodyPublishers.ofString(notification.payload))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return DeliveryResult.ok(status);
            }
            String body = response.body() == null ? "" : response.body();
            return DeliveryResult.failed(status, "HTTP " + status
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), MAX_ERROR_BODY))));
        } catch (IOException e) {
            return DeliveryResult.failed(null, EmailSender.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed(null, "interrupted");
        }
    }
}
