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

    /** The party's name as {@link #exactly} spells it, in any case. */
    private static final String SAME_PARTY = "partyName ilike ?1 escape '!'";

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

    /**
     * A party's contacts, its name compared without regard to case. {@code ilike} rather than {@code lower(?1)}:
     * Hibernate takes a function's last parameter for a possible list, and then translates the query to SQL again on
     * every call (round 15 of bench/NOTES.md).
     */
    public static List<PartyContact> ofParty(String legalName) {
        return list(SAME_PARTY + " order by id", exactly(legalName));
    }

    public static boolean isRegistered(String legalName, String email) {
        return count(SAME_PARTY + " and email = ?2", exactly(legalName), email) > 0;
    }

    /** The name as an {@code ilike} pattern that matches only itself: a "%" or "_" in it is a character, not a wildcard. */
    private static String exactly(String legalName) {
        return legalName.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
