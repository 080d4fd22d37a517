package org.takedown.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A receiver of signed webhooks, for some event types and/or some parties (empty lists mean all). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    /** The HMAC key; never returned by the API. */
    @Column(nullable = false)
    public String secret;

    @Convert(converter = StringListConverter.class)
    @Column(name = "event_types", nullable = false, columnDefinition = "text")
    public List<String> eventTypes;

    /** Party legal names, as in the events' {@code subject}. */
    @Convert(converter = StringListConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<String> subjects;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean wants(String eventType, String subject) {
        return (eventTypes.isEmpty() || eventTypes.contains(eventType))
                && (subjects.isEmpty() || subjects.stream().anyMatch(s -> s.equalsIgnoreCase(subject)));
    }

    public static List<WebhookSubscription> active() {
        return list("deletedAt is null");
    }

    public boolean isActive() {
        return deletedAt == null;
    }
}
