package org.takedown.notification.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The channels a recipient wants for one event type. */
@Entity
@Table(name = "preference")
@IdClass(Preference.Key.class)
public class Preference extends PanacheEntityBase {

    @Id
    public String recipient;

    @Id
    @Column(name = "event_type")
    public String eventType;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<String> channels;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<Preference> of(String recipient) {
        return list("recipient", recipient);
    }

    public static class Key implements Serializable {
        public String recipient;
        public String eventType;

        public Key() {
        }

        public Key(String recipient, String eventType) {
            this.recipient = recipient;
            this.eventType = eventType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(recipient, k.recipient) && Objects.equals(eventType, k.eventType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(recipient, eventType);
        }
    }
}
