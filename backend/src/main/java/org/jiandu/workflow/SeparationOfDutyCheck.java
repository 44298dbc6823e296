package org.jiandu.workflow;

import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.jiandu.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On {@code complete} of every user task, whatever the door ({@code /api}, {@code /api/tasks}, Tasklist,
 * {@code /engine-rest}): refuses with 403 {@code SAME_PERSON_FORBIDDEN} when the person completing it is one its
 * step's {@link SeparationOfDuty} rules exclude (who did an earlier step, who proposed the record). Runs before the
 * step's own listeners, so nothing is recorded; the whole action rolls back.
 */
public final class SeparationOfDutyCheck implements TaskListener {

    public static final String CODE = "SAME_PERSON_FORBIDDEN";
    private static final Logger log = LoggerFactory.getLogger(SeparationOfDutyCheck.class);

    private final Supplier<StepCatalogue> catalogue;

    public SeparationOfDutyCheck(Supplier<StepCatalogue> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
        ProcessStep step = catalogue.get().step(processKey, task.getTaskDefinitionKey()).orElse(null);
        if (step == null || step.separation().isEmpty()) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        String actor = task.getAssignee() != null ? task.getAssignee() : context.getAuthenticatedUserId();
        if (actor == null) {
            return; // the system completing a step (a migration, a test's engine call): no person to exclude
        }
        for (SeparationOfDuty rule : step.separation()) {
            if (excludes(rule, task, actor, context)) {
                log.warn("Refused {} of {} to {}: {}", step.taskKey(), task.getExecution().getProcessBusinessKey(), actor,
                        rule.message());
                throw ApiException.forbidden(CODE, rule.message());
            }
        }
    }

    private static boolean excludes(SeparationOfDuty rule, DelegateTask task, String actor, CommandContext context) {
        if (rule.variable() != null) {
            return actor.equals(task.getVariable(rule.variable()));
        }
        boolean wasEnabled = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck(); // the rule reads who did the earlier step, whoever may see it
        try {
            return task.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(rule.taskKey()).finished()
                    .list().stream().map(HistoricTaskInstance::getAssignee).filter(Objects::nonNull)
                    .anyMatch(actor::equals);
        } finally {
            if (wasEnabled) {
                context.enableAuthorizationCheck();
            }
        }
    }
}
