package org.jiandu.inbox;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.jiandu.workflow.CheckedSubmissions;

/**
 * On {@code complete} of every user task of every process: checks the task's variables (which already
 * include the submitted ones) against the task's Camunda Form, whether the task is completed through
 * {@code /api/tasks}, {@code /engine-rest} or Tasklist; a submission our service has already checked in full
 * ({@link CheckedSubmissions}) is not checked twice.
 */
class FormValidationListener implements TaskListener {

    private final TaskForms forms;

    FormValidationListener(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask delegateTask) {
        if (CheckedSubmissions.held(delegateTask.getId())) {
            return; // our service checked it in full against the step's rules: validated once
        }
        forms.of((TaskEntity) delegateTask, Context.getCommandContext()).ifPresent(schema -> {
            Map<String, Object> values = new HashMap<>(delegateTask.getVariables());
            Map<String, String> problems = schema.problems(values);
            if (!problems.isEmpty()) {
                throw new FormValidationException(delegateTask.getName(), problems);
            }
        });
    }
}
