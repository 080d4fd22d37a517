package org.takedown.appstore.repository;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A legal entity that publishes apps in this store. Its id is the tenant a developer's token is limited to. */
@Entity
@Table(name = "developer")
public class Developer extends PanacheEntityBase {

    /** Compiled once: every peer event's party is keyed by its legal name. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "legal_name_key", nullable = false)
    public String legalNameKey;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "developer_domain", joinColumns = @JoinColumn(name = "developer_id"))
    @Column(name = "domain")
    public Set<String> domains = new LinkedHashSet<>();

    /** In the order they were registered; the index also lets a query fetch them together with the domains. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "developer_contact", joinColumns = @JoinColumn(name = "developer_id"))
    @OrderColumn(name = "ordinal")
    public List<ContactPerson> contacts = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    @Embeddable
    public static class ContactPerson {
        @Column(nullable = false)
        public String role;
        public String name;
        @Column(nullable = false)
        public String email;

        public ContactPerson() {
        }

        public ContactPerson(String role, String name, String email) {
            this.role = role;
            this.name = name;
            this.email = email;
        }
    }

    /**
     * "Parler LLC", "parler, llc." and "PARLER LLC" are one legal entity: case, accents, punctuation and spacing do not
     * distinguish companies.
     */
    public static String legalNameKey(String legalName) {
        String folded = MARKS.matcher(Normalizer.normalize(legalName, Normalizer.Form.NFKD)).replaceAll("");
        return SEPARATORS.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    public static String domainKey(String domain) {
        String lower = domain.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** With its domains and contacts in one query, as every peer's decision needs them (bench/NOTES.md, round 16). */
    public static Optional<Developer> byLegalName(String legalName) {
        return find("select d from Developer d left join fetch d.domains left join fetch d.contacts "
                + "where d.legalNameKey = ?1", legalNameKey(legalName)).singleResultOptional();
    }

    /** Only the ids: the developer a party's name matched usually owns its domains too, and is loaded already. */
    public static List<Long> idsByDomain(String domain) {
        return getEntityManager().createQuery("select d.id from Developer d join d.domains dom where dom = ?1",
                Long.class).setParameter(1, domainKey(domain)).getResultList();
    }
}
