package org.jiandu.workflow;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiandu.identity.Actor;
import org.jiandu.identity.CurrentUser;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine side of a user action on a record whose process has the record's number as business key:
 * find the active task, check that the user is its assignee or in one of its candidate groups, and complete
 * it (the caller has checked the business rules, so the engine's own checks are not repeated).
 */
@Component
public class ProcessTasks {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final EngineAccess engineAccess;
    private final ZoneId zone;

    ProcessTasks(TaskService taskService, IdentityService identityService, EngineAccess engineAccess,
                 @Value("${jiandu.zone}") String zone) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.engineAccess = engineAccess;
        this.zone = ZoneId.of(zone);
    }

    /** The active task of a record at a step, if the process is there. */
    public Optional<Task> active(String businessKey, String taskKey) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).active()
                .orderByTaskCreateTime().asc().list().stream().findFirst());
    }

    /** The active task of a record at a step that this user may work; 409 when the record is not at that step. */
    public Task require(String businessKey, String taskKey, CurrentUser user) {
        Task task = active(businessKey, taskKey).orElseThrow(() -> ApiException.conflict("NOT_AT_THIS_STEP",
                "该事项当前不在此办理环节，请刷新后查看当前环节。"));
        if (!mayWork(task, user)) {
            throw ApiException.forbidden("NOT_YOUR_TASK", "此环节不由您办理。");
        }
        return task;
    }

    /** The active task of a record at a step assigned to this user (one of a multi-instance step's tasks). */
    public Task requireAssigned(String businessKey, String taskKey, CurrentUser user) {
        Task task = engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).taskAssignee(user.userId())
                .active().list().stream().findFirst().orElse(null));
        if (task == null) {
            throw ApiException.conflict("NOT_AT_THIS_STEP", "您在该事项当前环节没有待办。");
        }
        return task;
    }

    /** A task by id that this user may work, of the given record; 404 when it is not one. */
    public Task requireById(String taskId, CurrentUser user) {
        Task task = engineAccess.withoutAuthorizationChecks(() ->
                taskService.createTaskQuery().taskId(taskId).active().singleResult());
        if (task == null || !mayWork(task, user)) {
            throw ApiException.notFound("TASK_NOT_FOUND", "待办不存在或不由您办理。");
        }
        return task;
    }

    public boolean mayWork(Task task, CurrentUser user) {
        if (user.userId().equals(task.getAssignee())) {
            return true;
        }
        if (task.getAssignee() != null) {
            return false;
        }
        List<IdentityLink> links = engineAccess.withoutAuthorizationChecks(() ->
                taskService.getIdentityLinksForTask(task.getId()));
        List<String> groups = user.engineGroups();
        return links.stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && (groups.contains(link.getGroupId()) || user.userId().equals(link.getUserId())));
    }

    /**
     * Completes the task; a refusal of the task's completion listener reaches the caller as itself (a 4xx). A task
     * of a candidate group is claimed by the actor first, as Tasklist does, so that the history names who completed it
     * (and a completion that loses the race to another user's claim is a 409).
     */
    public void complete(Task task, VariableMap variables) {
        try {
            String actor = actorId();
            if (task.getAssignee() == null && !Actor.SYSTEM.equals(actor)) {
                engineAccess.withoutAuthorizationChecks(() -> taskService.claim(task.getId(), actor));
            }
            engineAccess.withoutAuthorizationChecks(() -> taskService.complete(task.getId(), variables));
        } catch (ProcessEngineException e) {
            throw refusalIn(e).orElseThrow(() -> e);
        }
    }

    private static Optional<ApiException> refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** Variables for completing a task: decisions kept, texts transient (they go to our tables, not the engine). */
    public static VariableMap decisions() {
        return Variables.createVariables();
    }

    public static VariableMap text(VariableMap variables, String name, String value) {
        return variables.putValueTyped(name, Variables.stringValue(value, true));
    }

    /** The current steps of a record's processes (its own and those it called with the same business key). */
    public List<Step> steps(String businessKey) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).active().orderByTaskCreateTime().asc().list()).stream()
                .map(task -> new Step(task.getId(), task.getTaskDefinitionKey(), task.getName(), toLocal(task.getDueDate()),
                        task.getAssignee()))
                .toList();
    }

    /** Who completes the task now: the logged-in API user, else the engine's authenticated user (Tasklist). */
    public String actorId() {
        return Actor.currentUser().map(CurrentUser::userId).orElseGet(() -> {
            Authentication authentication = identityService.getCurrentAuthentication();
            return authentication != null ? authentication.getUserId() : Actor.SYSTEM;
        });
    }

    /** A required text of a completed task, or a 400 with the field's Chinese name. */
    public static String requiredText(DelegateTask task, String name, String label) {
        Object value = task.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiException.badRequest("FIELD_REQUIRED", "请填写" + label + "。");
        }
        task.removeVariable(name);
        return text.strip();
    }

    /** An optional text of a completed task (taken out of the variables). */
    public static String optionalText(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value != null) {
            task.removeVariable(name);
        }
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    public static boolean requiredDecision(DelegateTask task, String name, String label) {
        Object value = task.getVariable(name);
        if (!(value instanceof Boolean decision)) {
            throw ApiException.badRequest("DECISION_REQUIRED", "请选择" + label + "。");
        }
        return decision;
    }

    private LocalDateTime toLocal(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), zone);
    }

    /** A step the record is at: the task, its due date and who works it. */
    public record Step(String taskId, String taskKey, String name, LocalDateTime due, String assignee) {
    }
}
