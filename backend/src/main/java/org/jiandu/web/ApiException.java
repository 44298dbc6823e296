package org.jiandu.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal a person can act on: an HTTP status, a stable machine-readable {@code code}
 * (for example {@code ORG_NOT_FOUND}) and a message in plain words. Thrown before anything is
 * written, or inside the transaction so that everything written rolls back.
 */
public class ApiException extends RuntimeException implements RuleViolation {

    private final HttpStatus status;
    private final String code;
    private final transient java.util.Map<String, String> fields;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, java.util.Map.of());
    }

    private ApiException(HttpStatus status, String code, String message, java.util.Map<String, String> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = fields;
    }

    /**
     * A rule a feature enforced, as a refusal: itself when it is one (with its own status), else 400 with its code,
     * message and the form fields at fault (if any).
     */
    public static ApiException refused(RuleViolation violation) {
        if (violation instanceof ApiException refusal) {
            return refusal;
        }
        return new ApiException(HttpStatus.BAD_REQUEST, violation.code(), violation.getMessage(), violation.fields());
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    @Override
    public int httpStatus() {
        return status.value();
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The fields at fault, key to message; empty when the refusal is not about single fields. */
    public java.util.Map<String, String> fields() {
        return fields;
    }
}
