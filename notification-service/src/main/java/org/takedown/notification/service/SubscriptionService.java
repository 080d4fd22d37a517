package org.takedown.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.config.NotificationConfig;
import org.takedown.notification.repository.WebhookSubscription;

/** Webhook subscriptions: who receives signed deliveries of which events. */
@ApplicationScoped
public class SubscriptionService {

    @Inject
    NotificationConfig config;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public WebhookSubscription create(String url, String secret, List<String> eventTypes, List<String> subjects,
            String actor) {
        new WebhookUrlPolicy(config.allowPrivateWebhooks()).refusal(url)
                .ifPresent(reason -> {
                    throw ProblemException.invalid("url", reason);
                });
        List<String> types = eventTypes == null ? List.of() : eventTypes.stream().distinct().toList();
        types.stream().filter(t -> EventNames.parse(t).isEmpty()).findFirst().ifPresent(unknown -> {
            throw ProblemException.invalid("eventTypes", "unknown event type '" + unknown + "'; one of "
                    + EventNames.all());
        });
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.url = url;
        subscription.secret = secret;
        subscription.eventTypes = types;
        subscription.subjects = subjects == null ? List.of() : subjects.stream().map(String::strip).distinct().toList();
        subscription.createdAt = clock.now();
        subscription.createdBy = actor;
        subscription.persist();
        audit.record(actor, "subscription.created", "webhook_subscription", subscription.id, url);
        return subscription;
    }

    @Transactional
    public Optional<WebhookSubscription> find(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id).filter(WebhookSubscription::isActive);
    }

    @Transactional
    public List<WebhookSubscription> list() {
        return WebhookSubscription.list("deletedAt is null", Sort.ascending("createdAt"));
    }

    /** Ends the subscription; its past deliveries stay in the log, pending ones die at their next attempt. */
    @Transactional
    public boolean delete(UUID id, String actor) {
        return find(id).map(s -> {
            s.deletedAt = clock.now();
            audit.record(actor, "subscription.deleted", "webhook_subscription", s.id, s.url);
            return true;
        }).orElse(false);
    }
}
