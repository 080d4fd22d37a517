package org.takedown.notification.service;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.config.NotificationConfig;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.DeliveryAttempt;
import org.takedown.notification.repository.Notification;
import org.takedown.notification.repository.NotificationStatus;
import org.takedown.notification.repository.WebhookSubscription;

/**
 * Makes one attempt at the next due delivery, in one transaction that holds the row's lock for the attempt: a crash
 * in the middle rolls back to PENDING, so the attempt is made again after a restart (at least once; receivers
 * deduplicate by {@code Takedown-Notification-Id}).
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    @Inject
    EmailSender email;

    @Inject
    WebhookSender webhooks;

    @Inject
    TakedownClock clock;

    @Inject
    NotificationConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    MeterRegistry registry;

    /** Returns false when nothing was due. */
    @Transactional
    public boolean deliverNext() {
        Instant now = clock.now();
        Notification notification = Notification.lockNextDue(now).orElse(null);
        if (notification == null) {
            return false;
        }
        int attempt = notification.attempts + 1;
        long started = System.nanoTime();
        DeliveryResult result = attempt(notification, attempt);
        long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        record(notification, attempt, now, result, durationMs);
        return true;
    }

    private DeliveryResult attempt(Notification notification, int attempt) {
        if (notification.channel == Channel.EMAIL) {
            return email.send(notification);
        }
        if (notification.channel == Channel.WEBHOOK) {
            WebhookSubscription subscription = WebhookSubscription.findById(notification.subscriptionId);
            if (subscription == null || !subscription.isActive()) {
                return DeliveryResult.permanentFailure("the webhook subscription was deleted");
            }
            return webhooks.send(notification, subscription, attempt);
        }
        return DeliveryResult.ok(null); // an inbox item is delivered by being stored
    }

    private void record(Notification n, int attempt, Instant at, DeliveryResult result, long durationMs) {
        DeliveryAttempt row = new DeliveryAttempt();
        row.notificationId = n.id;
        row.attempt = attempt;
        row.at = at;
        row.outcome = result.delivered() ? DeliveryAttempt.DELIVERED : DeliveryAttempt.FAILED;
        row.responseCode = result.responseCode();
        row.error = result.error();
        row.durationMs = durationMs;
        row.persist();

        n.attempts = attempt;
        String channel = n.channel.name().toLowerCase();
        if (result.delivered()) {
            n.status = NotificationStatus.DELIVERED;
            n.deliveredAt = at;
            n.nextAttemptAt = null;
            n.lastError = null;
            registry.counter("takedown.notification.deliveries", "channel", channel, "outcome", "delivered").increment();
            return;
        }
        n.lastError = result.error();
        if (attempt >= n.attemptLimit || result.permanent()) {
            n.status = NotificationStatus.DEAD;
            n.nextAttemptAt = null;
            audit.record(AuditTrail.SYSTEM, "notification.dead", "notification", n.id,
                    n.channel + " to " + n.recipient + " after " + attempt + " attempt(s): " + result.error());
            registry.counter("takedown.notification.deliveries", "channel", channel, "outcome", "dead").increment();
            LOG.warnf("Notification %d (%s to %s) is DEAD after %d attempt(s): %s", n.id, n.channel, n.recipient,
                    attempt, result.error());
            return;
        }
        n.nextAttemptAt = at.plus(backoff().after(attempt));
        registry.counter("takedown.notification.deliveries", "channel", channel, "outcome", "retry").increment();
    }

    public Backoff backoff() {
        return new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff(), config.retry().jitter());
    }
}
