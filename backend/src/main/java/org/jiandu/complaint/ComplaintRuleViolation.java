package org.jiandu.complaint;

import org.camunda.bpm.engine.BadUserRequestException;
import org.jiandu.web.RuleViolation;
import org.jiandu.web.ApiException;

/**
 * A task submission that breaks a rule of its form (missing field, value not allowed). A
 * {@link BadUserRequestException}, so that {@code /engine-rest} and Tasklist answer 400 with the message;
 * our API turns it into a problem response with the {@link #code()}.
 */
class ComplaintRuleViolation extends BadUserRequestException implements RuleViolation {

    private final String code;

    ComplaintRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    ApiException toApiException() {
        return ApiException.refused(this);
    }
}
