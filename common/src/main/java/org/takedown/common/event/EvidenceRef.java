package org.takedown.common.event;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A piece of evidence: where it was, a SHA-256 of what was seen, and when. */
public record EvidenceRef(
        @NotBlank String uri,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a lowercase hex SHA-256") String sha256,
        String excerpt,
        Instant observedAt) {
}
