package org.takedown.common.event;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An earlier decision is undone. {@code citation} names the ruling or appeal that required it. */
public record DecisionReversed(
        @NotBlank String reversalId,
        @NotBlank String decisionId,
        @NotNull @Valid Party party,
        @NotNull ReversalReason reason,
        @NotBlank String explanation,
        String citation,
        @NotBlank String reversedBy,
        @NotNull Instant reversedAt) implements EventPayload {
}
