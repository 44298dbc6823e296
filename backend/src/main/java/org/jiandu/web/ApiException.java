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

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
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

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
