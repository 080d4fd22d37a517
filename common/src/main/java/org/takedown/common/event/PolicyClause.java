package org.takedown.common.event;

import jakarta.validation.constraints.NotBlank;

/** A clause of a provider's own terms, quoted by id so the statement of reasons can be checked against it. */
public record PolicyClause(@NotBlank String id, @NotBlank String text) {
}
