package org.takedown.common.event;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A provider decided an action against a party. {@code decisionId} is globally unique, so that peers can cite it in
 * {@code basedOn}.
 */
public record DecisionIssued(
        @NotBlank String decisionId,
        @NotNull @Valid Party party,
        @NotNull Action action,
        @NotNull @Valid DecisionScope scope,
        @NotNull @Valid StatementOfReasons statement,
        List<@Valid EvidenceRef> evidence,
        List<String> basedOn,
        @NotBlank String decidedBy,
        @NotNull Instant decidedAt) implements EventPayload {

    public DecisionIssued {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        basedOn = basedOn == null ? List.of() : List.copyOf(basedOn);
    }
}
