package org.jiandu.inbox;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.jiandu.web.RuleViolation;

/**
 * A task completion refused because the submission does not satisfy the task's form. Being a
 * {@link BadUserRequestException}, the engine REST API answers it with 400 and the message, and Tasklist
 * shows the message to the user.
 */
public class FormValidationException extends BadUserRequestException implements RuleViolation {

    private final transient Map<String, String> problems;

    FormValidationException(String stepName, Map<String, String> problems) {
        super("表单校验未通过（" + stepName + "）：" + problems.values().stream().collect(Collectors.joining("；")) + "。");
        this.problems = Map.copyOf(problems);
    }

    @Override
    public String code() {
        return "FORM_INVALID";
    }

    public Map<String, String> problems() {
        return problems;
    }

    @Override
    public Map<String, String> fields() {
        return problems;
    }
}
