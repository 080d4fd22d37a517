package org.takedown.common.event;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A provider's conclusion on a peer's decision: its opinion, why, and the id of its own decision if it acted.
 */
public record ReviewConcluded(
        @NotBlank String reviewId,
        @NotNull @Valid Party party,
        @NotBlank String peerProvider,
        @NotBlank String peerDecisionId,
        @NotNull Opinion opinion,
        @NotBlank String rationale,
        String ownDecisionId,
        @NotBlank String concludedBy,
        @NotNull Instant concludedAt) implements EventPayload {
}
