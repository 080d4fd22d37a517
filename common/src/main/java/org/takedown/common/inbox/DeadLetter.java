package org.takedown.common.inbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit record of a message this instance refused and sent to the broker's dead-letter address. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    /** The longest part of a refused body that is kept, so a flood of junk cannot fill the database. */
    public static final int MAX_BODY = 16_384;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    public String source;

    public String type;

    @Column(nullable = false)
    public String reason;

    @Column(columnDefinition = "text")
    public String body;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
