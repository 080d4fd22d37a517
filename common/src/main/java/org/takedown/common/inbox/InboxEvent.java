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
}
