package org.takedown.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One message of one event to one recipient on one channel, with what was (or will be) sent, word for word. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    /** The contract name, such as {@code decision.issued}. */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The provider that sent the event. */
    @Column(nullable = false)
    public String source;

    @Column(name = "party_name", nullable = false)
    public String partyName;

    @Column(nullable = false)
    public String recipient;

    public String audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** The webhook URL or email address the delivery goes to. */
    public String target;

    @Column(nullable = false)
    public String subject;

    @Column(name = "body_text", nullable = false, columnDefinition = "text")
    public String bodyText;

    @Column(name = "body_html", columnDefinition = "text")
    public String bodyHtml;

    @Column(columnDefinition = "text")
    public String payload;

    @Column(name = "legally_required", nullable = false)
    public boolean legallyRequired;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    public int attempts;

    /** Attempts allowed before DEAD; an admin retry grants a fresh allowance on top of those made. */
    @Column(name = "attempt_limit", nullable = false)
    public int attemptLimit;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Version
    public long version;

    /**
     * Locks the next due pending delivery; rows another dispatcher holds are skipped, so replicas never send one
     * notification at the same time.
     */
    @SuppressWarnings("unchecked")
    public static Optional<Notification> lockNextDue(Instant now) {
        List<Notification> rows = getEntityManager()
                .createNativeQuery("select * from notification where status = 'PENDING' and next_attempt_at <= :now "
                        + "order by next_attempt_at, id limit 1 for update skip locked", Notification.class)
                .setParameter("now", now)
                .getResultList();
        return rows.stream().findFirst();
    }

    public static List<Notification> ofEvent(String eventId) {
        return list("eventId", eventId);
    }
}
