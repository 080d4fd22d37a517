package org.takedown.common.inbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event this instance has already applied; written in the same transaction as the event's effect. */
@Entity
@Table(name = "inbox_event")
public class InboxEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String type;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Milliseconds from the event's {@code time} to its processing here, as measured on this host. */
    @Column(name = "lag_ms")
    public Long lagMs;

    /**
     * Records the event unless it is already recorded, in one statement; false for a duplicate. A copy being applied
     * by another replica at the same moment makes this wait for that transaction, then answer false.
     */
    public static boolean recordFirstSight(String eventId, String source, String type, Instant receivedAt, long lagMs) {
        return getEntityManager().createNativeQuery("insert into inbox_event (event_id, source, type, received_at, "
                + "lag_ms) values (?1, ?2, ?3, ?4, ?5) on conflict (event_id) do nothing")
                .setParameter(1, eventId).setParameter(2, source).setParameter(3, type).setParameter(4, receivedAt)
                .setParameter(5, lagMs)
                .executeUpdate() == 1;
    }
}
