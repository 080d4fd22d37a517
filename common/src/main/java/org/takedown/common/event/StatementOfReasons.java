package org.takedown.common.event;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The statement of reasons, shaped after the DSA Transparency Database: the ground, the clauses relied on, the facts
 * in words, how the problem was detected, whether detection and decision were automated, and when it applies.
 */
public record StatementOfReasons(
        @NotNull Ground ground,
        @NotBlank String groundReference,
        @NotEmpty List<@Valid PolicyClause> clauses,
        @NotNull Category category,
        @NotBlank String facts,
        @NotNull DetectionSource detectionSource,
        boolean automatedDetection,
        boolean automatedDecision,
        @NotNull Instant effectiveFrom,
        Instant effectiveUntil) {

    public StatementOfReasons {
        clauses = clauses == null ? null : List.copyOf(clauses);
    }
}
