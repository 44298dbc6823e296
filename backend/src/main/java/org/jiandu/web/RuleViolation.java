package org.jiandu.web;

/**
 * A refusal raised inside the engine (typically by a task listener checking a submitted form) that
 * carries a stable code. The engine wraps it; {@code /engine-rest} unwraps it and answers 400 with the
 * code and the message, as {@code /api} does.
 */
public interface RuleViolation {

    String code();

    /** The HTTP status every door answers with: 400 (a bad submission) unless the rule says otherwise (403: not you). */
    default int httpStatus() {
        return 400;
    }

    String getMessage();

    /** The form fields at fault, key to a message in Chinese; empty when the rule is not about one field. */
    default java.util.Map<String, String> fields() {
        return java.util.Map.of();
    }

    /** The rule violation behind an error, however deep the engine wrapped it. */
    static java.util.Optional<RuleViolation> in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return java.util.Optional.of(violation);
            }
        }
        return java.util.Optional.empty();
    }
}
