package org.takedown.common.rest;

import java.util.List;

/** A business rule refused the request; it becomes a problem response and the transaction rolls back. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not Found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** A request that is well-formed but breaks a rule about one field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "Unprocessable Content", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
