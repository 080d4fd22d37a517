package org.takedown.appstore.repository;

import java.time.Instant;
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

import org.takedown.common.event.Category;

/** Something wrong with a listing, as a user, an automated check or a peer told the store. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    public enum Source {
        USER,
        AUTOMATED_CHECK,
        PEER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "listing_id")
    public Listing listing;

    @Column(nullable = false)
    public String reporter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(name = "content_url", nullable = false)
    public String contentUrl;

    public String excerpt;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Column(name = "observed_at")
    public Instant observedAt;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @ManyToOne
    @JoinColumn(name = "review_case_id")
    public ReviewCase reviewCase;

    public static Optional<Report> duplicateOf(Listing listing, String reporter, String contentUrl) {
        return find("listing = ?1 and reporter = ?2 and contentUrl = ?3", listing, reporter, contentUrl)
                .firstResultOptional();
    }
}
