package org.jiandu.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion refused because the submission does not satisfy the task's form. Being a
 * {@link BadUserRequestException}, the engine REST API answers it with 400 and the message, and Tasklist
 * shows the message to the user.
 */
public class FormValidationException extends BadUserRequestException {

    private final transient Map<String, String> problems;

    FormValidationException(String stepName, Map<String, String> problems) {
        super("表单校验未通过（" + stepName + "）：" + problems.values().stream().collect(Collectors.joining("；")) + "。");
        this.problems = Map.copyOf(problems);
    }

    /** The form check behind an engine exception: the engine wraps what a task listener throws. */
    public static Optional<FormValidationException> causeOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormValidationException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    public Map<String, String> problems() {
        return problems;
    }
}
