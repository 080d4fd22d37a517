package org.takedown.common.outbox;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A signed event waiting to leave, written in the same transaction as the state change it reports. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String subject;

    /** The signed envelope exactly as it will be sent. */
    @Column(nullable = false, columnDefinition = "text")
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /**
     * Locks the oldest unsent rows; rows another relay replica holds are skipped, so no two replicas send one row.
     */
    @SuppressWarnings("unchecked")
    public static List<OutboxEvent> lockUnsent(int limit) {
        return getEntityManager()
                .createNativeQuery("select * from outbox_event where sent_at is null order by seq limit :limit "
                        + "for update skip locked", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public static long countUnsent() {
        return count("sentAt is null");
    }

    public static Instant oldestUnsentCreatedAt() {
        return getEntityManager()
                .createQuery("select min(e.createdAt) from OutboxEvent e where e.sentAt is null", Instant.class)
                .getSingleResult();
    }
}
