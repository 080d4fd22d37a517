package org.takedown.common.event;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** A warning to a party, with the evidence and a deadline by which the problem must be cured. */
public record NoticeIssued(
        @NotBlank String noticeId,
        @NotNull @Valid Party party,
        @NotNull Category category,
        @NotEmpty List<@Valid PolicyClause> clauses,
        @NotBlank String facts,
        List<@Valid EvidenceRef> evidence,
        @NotNull Instant cureDeadline,
        @NotBlank String issuedBy,
        @NotNull Instant issuedAt) implements EventPayload {

    public NoticeIssued {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
