package org.takedown.notification.rest;

import java.time.Instant;
import java.util.List;

import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.DeliveryAttempt;
import org.takedown.notification.repository.Notification;
import org.takedown.notification.repository.NotificationStatus;
import org.takedown.notification.service.InboxService;

/** What the API shows of notifications and their delivery log. */
public final class NotificationViews {

    private NotificationViews() {
    }

    /** One row of the delivery log list; {@code attempts} counts the attempts made so far. */
    public record Summary(Long id, String eventId, String eventType, String source, String party, String recipient,
            Channel channel, String subject, NotificationStatus status, int attempts, boolean legallyRequired,
            Instant createdAt, Instant deliveredAt, Instant nextAttemptAt, String lastError) {

        static Summary of(Notification n) {
            return new Summary(n.id, n.eventId, n.eventType, n.source, n.partyName, n.recipient, n.channel, n.subject,
                    n.status, n.attempts, n.legallyRequired, n.createdAt, n.deliveredAt, n.nextAttemptAt, n.lastError);
        }
    }

    /** A notification word for word, with every attempt at delivering it in {@code attemptLog}. */
    public record Detail(Long id, String eventId, String eventType, String source, String party, String recipient,
            String audience, Channel channel, String target, String subject, String bodyText, String bodyHtml,
            String payload, NotificationStatus status, int attempts, int attemptLimit, boolean legallyRequired,
            Instant createdAt, Instant deliveredAt, Instant nextAttemptAt, Instant readAt, String lastError,
            List<Attempt> attemptLog) {

        static Detail of(Notification n, List<DeliveryAttempt> attempts) {
            return new Detail(n.id, n.eventId, n.eventType, n.source, n.partyName, n.recipient, n.audience, n.channel,
                    n.target, n.subject, n.bodyText, n.bodyHtml, n.payload, n.status, n.attempts, n.attemptLimit,
                    n.legallyRequired, n.createdAt, n.deliveredAt, n.nextAttemptAt, n.readAt, n.lastError,
                    attempts.stream().map(Attempt::of).toList());
        }
    }

    public record Attempt(int attempt, Instant at, String outcome, Integer responseCode, String error, long durationMs) {

        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.attempt, a.at, a.outcome, a.responseCode, a.error, a.durationMs);
        }
    }

    /** An item of a recipient's inbox. */
    public record InboxItem(Long id, String eventId, String eventType, String source, String party, String subject,
            String bodyText, String bodyHtml, boolean legallyRequired, Instant createdAt, Instant readAt) {

        static InboxItem of(Notification n) {
            return new InboxItem(n.id, n.eventId, n.eventType, n.source, n.partyName, n.subject, n.bodyText,
                    n.bodyHtml, n.legallyRequired, n.createdAt, n.readAt);
        }
    }

    /** An attempt at telling an inbox owner about an event, on one of its channels. */
    public record ChannelAttempt(Long notificationId, Channel channel, String recipient, NotificationStatus status,
            int attempt, Instant at, String outcome, Integer responseCode, String error) {

        static ChannelAttempt of(InboxService.ChannelAttempt a) {
            Notification n = a.notification();
            DeliveryAttempt d = a.attempt();
            return new ChannelAttempt(n.id, n.channel, n.recipient, n.status, d.attempt, d.at, d.outcome,
                    d.responseCode, d.error);
        }
    }
}
