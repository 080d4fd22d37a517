package org.takedown.notification.repository;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact registered here for a party, told about its events in addition to the contacts the events carry. */
@Entity
@Table(name = "party_contact")
public class PartyContact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "party_name", nullable = false)
    public String partyName;

    @Column(nullable = false)
    public String role;

    public String name;

    @Column(nullable = false)
    public String email;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<PartyContact> ofParty(String legalName) {
        return list("lower(partyName) = lower(?1) order by id", legalName);
    }
}
