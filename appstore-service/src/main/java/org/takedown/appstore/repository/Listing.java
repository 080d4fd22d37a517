package org.takedown.appstore.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One app in the store. Only a reviewer's decision changes its status, never a peer's signal. */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

    public enum Platform {
        IOS,
        ANDROID
    }

    public enum Status {
        LIVE,
        UNDER_REVIEW,
        REMOVED,
        RESTRICTED,
        REINSTATED;

        /** The app can be found and installed. */
        public boolean isAvailable() {
            return this == LIVE || this == REINSTATED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "developer_id")
    public Developer developer;

    @Column(name = "app_name", nullable = false)
    public String appName;

    @Column(name = "bundle_id", nullable = false)
    public String bundleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(name = "app_version", nullable = false)
    public String appVersion;

    @Column(name = "hosts_user_content", nullable = false)
    public boolean hostsUserContent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Version
    public long version;

    public String tenant() {
        return String.valueOf(developer.id);
    }

    public static Optional<Listing> byBundleId(String bundleId) {
        return find("bundleId", bundleId).firstResultOptional();
    }

    /**
     * A developer's listings, oldest first. One query per developer rather than one with an {@code in} list: Hibernate
     * keeps the SQL of a query whose parameters are single values, and translates one with a list parameter again on
     * every call, which was a fifth of a store's work on a peer's decision (round 14 of bench/NOTES.md).
     */
    public static List<Listing> ofDeveloper(long developerId) {
        return list("developer.id = ?1 order by id", developerId);
    }
}
