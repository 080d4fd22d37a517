package org.takedown.hosting.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.takedown.common.rest.ProblemException;

/**
 * Query parameters arrive as text and are parsed here, so a bad value is a 400 naming the parameter rather than the
 * framework's bare 404 for an unconvertible parameter.
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 instant such as 2021-01-10T00:00:00Z");
        }
    }

    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a number");
        }
    }
}
