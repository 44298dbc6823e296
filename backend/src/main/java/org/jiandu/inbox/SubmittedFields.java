package org.jiandu.inbox;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jiandu.web.RuleViolation;
import org.jiandu.workflow.ProcessStep;
import org.jiandu.workflow.StepCatalogue;

/**
 * A person completing a task, through whatever door ({@code /api/tasks}, Tasklist's form, {@code /engine-rest}),
 * may set only the fields its step declares in the step catalogue (which {@code StepCatalogueTest} holds equal to the
 * task's form): an unknown or protected name (a record id, a decision of an
 * earlier step) is refused with 400 naming the field, before the engine changes anything. Our own services
 * complete tasks from typed requests they have checked, inside {@code EngineAccess} (authorization checks
 * off), and background work runs with no user at all: neither is a person's submission.
 *
 * <p>Installed by {@link InboxEnginePlugin} as the engine's task and form services, so every door reaches it.
 */
final class SubmittedFields {

    private final TaskForms forms;
    private final Supplier<StepCatalogue> catalogue;
    private final ProcessEngineConfigurationImpl configuration;

    SubmittedFields(TaskForms forms, Supplier<StepCatalogue> catalogue, ProcessEngineConfigurationImpl configuration) {
        this.forms = forms;
        this.catalogue = catalogue;
        this.configuration = configuration;
    }

    void check(CommandExecutor executor, String taskId, Map<String, ?> variables) {
        if (taskId == null || variables == null || variables.isEmpty() || !submittedByPerson()) {
            return;
        }
        Set<String> declared = executor.execute(commandContext -> declaredFields(commandContext, taskId));
        if (declared == null) {
            return; // no such task: the engine answers that itself
        }
        Set<String> refused = new TreeSet<>(variables.keySet());
        refused.removeAll(declared);
        if (!refused.isEmpty()) {
            throw new FieldNotAllowed(refused);
        }
    }

    private Set<String> declaredFields(CommandContext commandContext, String taskId) {
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            return null;
        }
        Optional<ProcessStep> step = catalogue.get().step(task.getProcessDefinition().getKey(), task.getTaskDefinitionKey());
        if (step.isPresent()) {
            Set<String> declared = new LinkedHashSet<>();
            step.get().fields().forEach(field -> declared.add(field.name()));
            return declared;
        }
        // a process outside the catalogue (none of ours): its form says what it takes
        return forms.of(task, commandContext).map(FormSchema::fieldKeys).orElse(Set.of());
    }

    /**
     * Whether a person hands back a task they hold, as Tasklist's 归还 does: they must be its assignee, and it
     * must have candidates to go back to (the rule of our own {@code /api/tasks/{id}/unclaim}).
     */
    boolean handsBackOwnTask(CommandExecutor executor, String taskId) {
        if (!submittedByPerson()) {
            return false;
        }
        String userId = configuration.getIdentityService().getCurrentAuthentication().getUserId();
        return executor.execute(commandContext -> {
            TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
            return task != null && userId.equals(task.getAssignee()) && task.getDelegationState() == null
                    && task.getCandidates().stream().findAny().isPresent();
        });
    }

    private boolean submittedByPerson() {
        CommandContext outer = Context.getCommandContext();
        if (outer != null) {
            return outer.isAuthorizationCheckEnabled() && outer.getAuthenticatedUserId() != null;
        }
        return configuration.getIdentityService().getCurrentAuthentication() != null;
    }

    /** 400 naming the fields a completion may not set. */
    static final class FieldNotAllowed extends BadUserRequestException implements RuleViolation {

        private final transient Map<String, String> fields = new LinkedHashMap<>();

        FieldNotAllowed(Set<String> names) {
            super("不能提交该环节表单以外的字段：" + String.join("、", names) + "。");
            names.forEach(name -> fields.put(name, "该环节不接受此字段"));
        }

        @Override
        public String code() {
            return "FIELD_NOT_ALLOWED";
        }

        @Override
        public Map<String, String> fields() {
            return Map.copyOf(fields);
        }
    }

    /** The engine's task service with the check in front of every completion that carries variables. */
    static final class GuardedTaskService extends TaskServiceImpl {

        private final SubmittedFields guard;

        GuardedTaskService(SubmittedFields guard) {
            this.guard = guard;
        }

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            guard.check(commandExecutor, taskId, variables);
            super.complete(taskId, variables);
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                         boolean deserializeValues) {
            guard.check(commandExecutor, taskId, variables);
            return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
        }

        /**
         * People hold {@code TASK_WORK}, not {@code TASK_ASSIGN}: they may not re-route a task, but handing back one's
         * own claimed task to its candidates (Tasklist's 归还) is part of working it.
         */
        @Override
        public void setAssignee(String taskId, String userId) {
            if (userId == null && guard.handsBackOwnTask(commandExecutor, taskId)) {
                commandExecutor.execute(commandContext -> {
                    commandContext.disableAuthorizationCheck();
                    try {
                        super.setAssignee(taskId, null);
                    } finally {
                        commandContext.enableAuthorizationCheck();
                    }
                    return null;
                });
                return;
            }
            super.setAssignee(taskId, userId);
        }

        @Override
        public void resolveTask(String taskId, Map<String, Object> variables) {
            guard.check(commandExecutor, taskId, variables);
            super.resolveTask(taskId, variables);
        }
    }

    /** The engine's form service (Tasklist submits forms through it) with the same check. */
    static final class GuardedFormService extends FormServiceImpl {

        private final SubmittedFields guard;

        GuardedFormService(SubmittedFields guard) {
            this.guard = guard;
        }

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            guard.check(commandExecutor, taskId, properties);
            super.submitTaskForm(taskId, properties);
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                               boolean deserializeValues) {
            guard.check(commandExecutor, taskId, properties);
            return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
        }

        @Override
        public void submitTaskFormData(String taskId, Map<String, String> properties) {
            guard.check(commandExecutor, taskId, properties);
            super.submitTaskFormData(taskId, properties);
        }
    }
}
