package org.jiandu.inbox;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * On {@code complete} of every user task of every process: checks the task's variables (which already
 * include the submitted ones) against the task's Camunda Form, whether the task is completed through
 * {@code /api/tasks}, {@code /engine-rest} or Tasklist.
 */
class FormValidationListener implements TaskListener {

    private final TaskForms forms;

    FormValidationListener(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask delegateTask) {
        forms.of((TaskEntity) delegateTask, Context.getCommandContext()).ifPresent(schema -> {
            Map<String, Object> values = new HashMap<>(delegateTask.getVariables());
            Map<String, String> problems = schema.problems(values);
            if (!problems.isEmpty()) {
                throw new FormValidationException(delegateTask.getName(), problems);
            }
        });
    }
}
