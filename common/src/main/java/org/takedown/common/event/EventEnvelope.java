package org.takedown.common.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A CloudEvents 1.0 JSON envelope. {@code signingkey} and {@code signature} are extension attributes: the id of the
 * source's Ed25519 key and the signature over the canonical form of every other attribute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        @NotBlank String specversion,
        @NotBlank String id,
        @NotBlank String source,
        @NotBlank String type,
        @NotBlank String subject,
        @NotNull Instant time,
        @NotBlank String datacontenttype,
        @NotBlank String dataschema,
        String signingkey,
        String signature,
        @NotNull JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
}
