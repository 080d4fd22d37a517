package org.takedown.common.event;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A provider opened its own review of a peer's decision. {@code matchedBy} says how it recognised the party. */
public record ReviewOpened(
        @NotBlank String reviewId,
        @NotNull @Valid Party party,
        @NotBlank String peerProvider,
        @NotBlank String peerDecisionId,
        @NotNull List<String> matchedBy,
        @NotNull Instant slaDeadline,
        @NotNull Instant openedAt) implements EventPayload {
}
