package org.takedown.common.rest;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The stored outcome of a POST made with an {@code Idempotency-Key}, scoped to the caller that sent it. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public String caller;

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    @Column(name = "response_body", columnDefinition = "text")
    public String responseBody;

    public String location;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public record Key(String caller, String key) implements java.io.Serializable {
        public Key() {
            this(null, null);
        }
    }
}
