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

import org.hibernate.query.NativeQuery;

/**
 * A signed event waiting to leave, written in the same transaction as the state change it reports, and taken out by the
 * relay's transaction, which commits once the broker has accepted it: the table holds only what has not left yet. The state change
 * itself and the audit log are the record of what was decided; a row rewritten to mark it sent cost PostgreSQL a new
 * copy of the whole envelope and its index entries for every event (docs/benchmarks.md).
 */
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

    /** Failed attempts to hand the event to the broker; it stays until one succeeds. */
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** What the relay takes out of the outbox: the whole row, so that an event the broker refused can be put back. */
    public record Pending(long seq, String eventId, String type, String subject, String envelope, Instant createdAt,
            int attempts) {
    }

    /**
     * Takes the oldest rows out of the outbox in the caller's transaction, in one statement: they are gone only when
     * it commits, and until then their locks make other relay replicas skip them, so no two replicas send one row.
     * If the transaction rolls back (the relay failed or its instance died), every row is back as it was.
     * <p>
     * The rows to take are chosen in an array sub-select, which PostgreSQL runs exactly once. Written as
     * {@code seq in (select …)}, a table that statistics said was empty (analysed just after the relay had emptied
     * it) got a nested loop that ran the locking sub-select again for every row: quadratic, tens of seconds for
     * 10,000 rows, and more rows than the limit, since each rescan locked another slice (docs/benchmarks.md).
     */
    @SuppressWarnings("unchecked")
    public static List<Pending> take(int limit) {
        NativeQuery<Object[]> query = getEntityManager().createNativeQuery("delete from outbox_event where seq = "
                + "any(array(select seq from outbox_event order by seq limit :limit for update skip locked)) "
                + "returning seq, event_id, type, subject, envelope, created_at, attempts")
                .unwrap(NativeQuery.class);
        List<Object[]> rows = query.addScalar("seq", Long.class).addScalar("event_id", String.class)
                .addScalar("type", String.class).addScalar("subject", String.class)
                .addScalar("envelope", String.class).addScalar("created_at", Instant.class)
                .addScalar("attempts", Integer.class)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Pending((Long) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (Instant) row[5], (Integer) row[6])).toList();
    }

    /** Puts back, in the same transaction, an event the broker did not accept, with the reason; the next pass retries. */
    public static void putBack(Pending row, String error) {
        String reason = error == null ? "unknown" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        getEntityManager().createNativeQuery("insert into outbox_event (seq, event_id, type, subject, envelope, "
                + "created_at, attempts, last_error) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, row.seq()).setParameter(2, row.eventId()).setParameter(3, row.type())
                .setParameter(4, row.subject()).setParameter(5, row.envelope()).setParameter(6, row.createdAt())
                .setParameter(7, row.attempts() + 1).setParameter(8, reason)
                .executeUpdate();
    }

    public static long countUnsent() {
        return count();
    }

    public static Instant oldestUnsentCreatedAt() {
        return getEntityManager().createQuery("select min(e.createdAt) from OutboxEvent e", Instant.class)
                .getSingleResult();
    }
}
