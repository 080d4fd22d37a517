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

    private static final int MAX_ERROR = 2000;

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

    /** What the relay needs of an unsent row; reading only this keeps whole entities out of its session. */
    public record Pending(long seq, String eventId, String type, String envelope) {
    }

    /**
     * Locks the oldest unsent rows; rows another relay replica holds are skipped, so no two replicas send one row.
     */
    @SuppressWarnings("unchecked")
    public static List<Pending> lockUnsent(int limit) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select seq, event_id, type, envelope from outbox_event where sent_at is null "
                        + "order by seq limit :limit for update skip locked")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Pending(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                (String) row[3])).toList();
    }

    /**
     * One statement for the whole batch, however large, and the same statement for every batch: the ids travel as
     * one array, where an IN list would give PostgreSQL a new statement to plan for each batch size.
     */
    public static void markSent(List<Long> seqs, Instant at) {
        if (!seqs.isEmpty()) {
            getEntityManager().createNativeQuery("update outbox_event set sent_at = ?1, attempts = attempts + 1, "
                    + "last_error = null where seq = any(?2)")
                    .setParameter(1, at).setParameter(2, seqs.toArray(Long[]::new)).executeUpdate();
        }
    }

    public static void markFailed(long seq, String error) {
        String reason = error == null ? "unknown" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        update("attempts = attempts + 1, lastError = ?1 where seq = ?2", reason, seq);
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
