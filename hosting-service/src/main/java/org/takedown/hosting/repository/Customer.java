package org.takedown.hosting.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.takedown.common.event.Party;

/** A hosting account: a legal entity, its domains and contacts, its standing and its strikes. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status = CustomerStatus.ACTIVE;

    @Column(nullable = false)
    public int strikes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    // a set, because Hibernate cannot fetch two eager lists at once
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_domain", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "domain", nullable = false)
    public Set<String> domains = new LinkedHashSet<>();

    /** In the order they were registered; the index also lets Hibernate read them in the customer's own query. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_contact", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "ordinal")
    public List<Contact> contacts = new ArrayList<>();

    @Version
    public long version;

    /** How peers see this customer: by name, domains and contacts, never by our id. */
    public Party party() {
        return new Party(legalName, List.copyOf(domains), List.of(),
                contacts.stream().map(c -> new org.takedown.common.event.Contact(c.role, c.name, c.email)).toList());
    }

    public static Optional<Customer> findByDomain(String domain) {
        return find("select c from Customer c join c.domains d where d = ?1", domain).firstResultOptional();
    }

    /** The customer owning a host: the exact domain, or the closest parent domain (api.parler.com → parler.com). */
    public static Optional<Customer> findByHost(String host) {
        for (String candidate : domainsOwning(host)) {
            Optional<Customer> owner = findByDomain(candidate);
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }

    /** The registered domains that would own a host, closest first: media.parler.com, then parler.com. */
    public static List<String> domainsOwning(String host) {
        List<String> candidates = new ArrayList<>();
        for (String candidate = host.toLowerCase(); candidate.contains(".");
                candidate = candidate.substring(candidate.indexOf('.') + 1)) {
            candidates.add(candidate);
        }
        return candidates;
    }
}
