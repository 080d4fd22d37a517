package org.takedown.hosting.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.takedown.common.event.EvidenceRef;

/** A piece of evidence as a notice or decision relied on it. */
@Embeddable
public class Evidence {

    @Column(nullable = false)
    public String uri;

    @Column(nullable = false)
    public String sha256;

    @Column(columnDefinition = "text")
    public String excerpt;

    @Column(name = "observed_at")
    public Instant observedAt;

    public static Evidence of(String uri, String sha256, String excerpt, Instant observedAt) {
        Evidence evidence = new Evidence();
        evidence.uri = uri;
        evidence.sha256 = sha256;
        evidence.excerpt = excerpt;
        evidence.observedAt = observedAt;
        return evidence;
    }

    public EvidenceRef toRef() {
        return new EvidenceRef(uri, sha256, excerpt, observedAt);
    }
}
