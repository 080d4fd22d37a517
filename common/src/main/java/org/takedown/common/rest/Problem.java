package org.takedown.common.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail. {@code errors} names each offending field of a bad request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed, with the reason in words. */
    public record FieldError(String field, String message) {
    }
}
