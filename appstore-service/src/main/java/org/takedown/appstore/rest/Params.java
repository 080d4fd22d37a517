package org.takedown.appstore.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.takedown.common.rest.ProblemException;

/**
 * Query parameters are parsed here rather than by JAX-RS, whose conversion failures are bare 404s: a bad filter is a
 * 400 that names the parameter and the accepted values.
 */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 instant such as 2021-01-10T00:00:00Z");
        }
    }
}
