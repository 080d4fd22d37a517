package org.takedown.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionReversed;
import org.takedown.common.event.NoticeIssued;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.config.NotificationConfig;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.DeliveryAttempt;
import org.takedown.notification.repository.Notification;
import org.takedown.notification.repository.NotificationStatus;
import org.takedown.notification.repository.WebhookSubscription;

/**
 * Turns an event into its notifications, rendered word for word and stored inside the inbox transaction before any
 * delivery is tried: if the service dies afterwards, the dispatcher finds them in the database.
 */
@ApplicationScoped
public class NotificationPlanner {

    @Inject
    RecipientResolver recipients;

    @Inject
    PreferenceService preferences;

    @Inject
    TemplateRenderer templates;

    @Inject
    NotificationConfig config;

    @Inject
    TakedownClock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<NotificationsQueued> queued;

    /** Called once per event: the inbox records the event in the same transaction and drops any repeat of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(ReceivedEvent event) {
        String eventName = EventNames.of(event.type());
        boolean legallyRequired = isLegallyRequired(event);
        Instant now = clock.now();
        // keyed by recipient and channel, so two routes to the same address yield one notification
        Map<String, Notification> planned = new LinkedHashMap<>();
        for (Audience audience : recipients.audiences(event)) {
            Set<Channel> channels = preferences.channelsFor(audience, eventName, legallyRequired);
            if (channels.isEmpty()) {
                continue;
            }
            LetterContext ctx = context(event, eventName, audience.name(), audience.role(), legallyRequired);
            String subject = render(TemplateName.SUBJECT, event, eventName, ctx).strip();
            String text = render(TemplateName.TEXT, event, eventName, ctx);
            String html = render(TemplateName.HTML, event, eventName, ctx);
            boolean required = legallyRequired && audience.isParty();
            if (channels.contains(Channel.EMAIL)) {
                Notification email = base(event, eventName, now, Channel.EMAIL, audience.email(), required);
                email.audience = audience.key();
                email.target = audience.email();
                fill(email, subject, text, html);
                planned.putIfAbsent(email.recipient + "|EMAIL", email);
            }
            if (channels.contains(Channel.INBOX)) {
                Notification inbox = base(event, eventName, now, Channel.INBOX, audience.key(), required);
                inbox.audience = audience.key();
                fill(inbox, subject, text, html);
                planned.putIfAbsent(inbox.recipient + "|INBOX", inbox);
            }
        }
        String partyName = event.payload().party().legalName();
        for (WebhookSubscription subscription : recipients.subscribers(eventName, partyName)) {
            LetterContext ctx = context(event, eventName, null, "webhook", legallyRequired);
            Notification hook = base(event, eventName, now, Channel.WEBHOOK, "webhook:" + subscription.id, false);
            hook.subscriptionId = subscription.id;
            hook.target = subscription.url;
            hook.subject = render(TemplateName.SUBJECT, event, eventName, ctx).strip();
            hook.bodyText = templates.render(TemplateName.WEBHOOKS, eventName, event.source(), TemplateName.TEXT, ctx)
                    .strip();
            planned.putIfAbsent(hook.recipient + "|WEBHOOK", hook);
        }
        for (Notification notification : planned.values()) {
            notification.persist();
            if (notification.channel == Channel.INBOX) {
                storedInInbox(notification, now);
            }
            if (notification.channel == Channel.WEBHOOK) {
                notification.payload = webhookBody(notification, event);
            }
        }
        if (planned.values().stream().anyMatch(n -> n.status == NotificationStatus.PENDING)) {
            // only letters and webhooks wait for the dispatcher: an inbox item is delivered by being stored
            queued.fire(new NotificationsQueued(event.id()));
        }
        return planned.size();
    }

    /** The statement of reasons of a restrictive decision, and a reversal, must reach the party. */
    static boolean isLegallyRequired(ReceivedEvent event) {
        return event.payload() instanceof DecisionIssued decision ? decision.action().isRestrictive()
                : event.payload() instanceof DecisionReversed;
    }

    private LetterContext context(ReceivedEvent event, String eventName, String name, String role,
            boolean legallyRequired) {
        int evidence = 0;
        String appealDeadline = null;
        if (event.payload() instanceof DecisionIssued decision) {
            evidence = decision.evidence().size();
            appealDeadline = TemplateFormats.formal(appealDeadline(decision));
        } else if (event.payload() instanceof NoticeIssued notice) {
            evidence = notice.evidence().size();
        }
        return new LetterContext(event.id(), eventName, event.source(), event.payload().party().legalName(),
                name == null || name.isBlank() ? null : name, role, event.payload(), evidence, config.appealDays(),
                appealDeadline, legallyRequired);
    }

    public Instant appealDeadline(DecisionIssued decision) {
        return decision.decidedAt().plus(Duration.ofDays(config.appealDays()));
    }

    private String render(String variant, ReceivedEvent event, String eventName, LetterContext ctx) {
        return templates.render(TemplateName.LETTERS, eventName, event.source(), variant, ctx);
    }

    private Notification base(ReceivedEvent event, String eventName, Instant now, Channel channel, String recipient,
            boolean legallyRequired) {
        Notification n = new Notification();
        n.eventId = event.id();
        n.eventType = eventName;
        n.source = event.source();
        n.partyName = event.payload().party().legalName();
        n.recipient = recipient;
        n.channel = channel;
        n.legallyRequired = legallyRequired;
        n.status = NotificationStatus.PENDING;
        n.attemptLimit = config.retry().maxAttempts();
        n.nextAttemptAt = now;
        n.createdAt = now;
        return n;
    }

    private static void fill(Notification n, String subject, String text, String html) {
        n.subject = subject;
        n.bodyText = text;
        n.bodyHtml = html;
    }

    /** Storing an inbox item is its delivery; the log says so like for any other channel. */
    private static void storedInInbox(Notification n, Instant now) {
        n.status = NotificationStatus.DELIVERED;
        n.attempts = 1;
        n.deliveredAt = now;
        n.nextAttemptAt = null;
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.notificationId = n.id;
        attempt.attempt = 1;
        attempt.at = now;
        attempt.outcome = DeliveryAttempt.DELIVERED;
        attempt.persist();
    }

    /** The short form a webhook receives: who, what, a summary in words, and the event's data. */
    private String webhookBody(Notification n, ReceivedEvent event) {
        ObjectNode body = mapper.createObjectNode();
        body.put("notificationId", n.id);
        body.put("eventId", n.eventId);
        body.put("eventType", n.eventType);
        body.put("source", n.source);
        body.put("subject", n.partyName);
        body.put("title", n.subject);
        body.put("summary", n.bodyText);
        body.put("occurredAt", event.envelope().time().toString());
        body.set("data", event.envelope().data());
        try {
            return mapper.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }
}
