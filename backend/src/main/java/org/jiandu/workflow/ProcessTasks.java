package org.jiandu.workflow;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
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
import org.jiandu.platform.TaskLookup;
import org.jiandu.web.ApiException;
import org.jiandu.web.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine side of a user action on a task, for every door of ours ({@code /api} feature endpoints,
 * {@code /api/tasks}, a complaint's steps): find the active task of a record at a step, check that the user is its
 * assignee or in one of its candidate groups, claim and complete it in the caller's transaction, and answer a lost
 * race with 409 ({@link #complete(Task, Map, boolean)}). What a step checks and records on completion is done by its
 * listeners, whichever door (Tasklist and {@code /engine-rest} reach the same listeners).
 */
@Component
public class ProcessTasks {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final EngineAccess engineAccess;
    private final TaskLookup lookup;
    private final ZoneId zone;

    ProcessTasks(TaskService taskService, IdentityService identityService, EngineAccess engineAccess, TaskLookup lookup,
                 @Value("${jiandu.zone}") String zone) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.engineAccess = engineAccess;
        this.lookup = lookup;
        this.zone = ZoneId.of(zone);
    }

    /** The active task of a record at a step, if the process is there. */
    public Optional<Task> active(String businessKey, String taskKey) {
        return lookup.activeOfRecord(businessKey, taskKey).stream().findFirst();
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
        Task task = lookup.activeById(taskId).orElse(null);
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
     * Completes the task for our own service, which has checked the business rules and builds the variables from a
     * typed request: the engine's authorization checks are off, the step's listeners (separation of duty, form, the
     * feature's own record) still run. See {@link #complete(Task, Map, boolean)}.
     */
    public void complete(Task task, VariableMap variables) {
        complete(task, variables, false);
    }

    /**
     * Completes the task with a person's form submission ({@code /api/tasks}, a complaint's step): run as the caller,
     * so that the engine's checks of a person's completion apply (the task's permissions, only the fields its step
     * declares).
     */
    public void submit(Task task, Map<String, Object> fields) {
        complete(task, fields, true);
    }

    /**
     * The one completion path of every door of ours: a task of a candidate group is claimed by the actor first, as
     * Tasklist does, so that the history names who completed it; then it is completed, and the step's listeners check
     * who (separation of duty) and what (the form, the feature's rules) and record the decision and its audit row, all
     * in the caller's transaction. A refusal of a listener reaches the caller as itself (its 4xx); a completion that
     * loses the race to someone else's (the task claimed or completed meanwhile) is a 409, here and only here.
     */
    private void complete(Task task, Map<String, Object> variables, boolean asCaller) {
        String actor = actorId();
        boolean claim = task.getAssignee() == null && !Actor.SYSTEM.equals(actor);
        // claim and complete as one engine command: the task, its execution and definition read once, one flush
        Runnable claimAndComplete = () -> {
            if (claim) {
                taskService.claim(task.getId(), actor);
            }
            taskService.complete(task.getId(), variables);
        };
        try {
            if (asCaller) {
                engineAccess.inOneCommand(claimAndComplete);
            } else {
                engineAccess.withoutAuthorizationChecks(claimAndComplete);
            }
        } catch (RuntimeException e) {
            // not only ProcessEngineException: within one command the task may be read before a completion that
            // commits meanwhile and its execution after it, which the engine answers with a NullPointerException
            Optional<ApiException> refusal = refusalIn(e);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            if (RuleViolation.in(e).isEmpty() && (e instanceof TaskAlreadyClaimedException || gone(task.getId()))) {
                // someone claimed or completed it between our look-up and the engine's: a lost race, not a refusal
                throw ApiException.conflict("CONCURRENT_CHANGE", "该待办刚被他人办理，请刷新后重试。");
            }
            throw e;
        }
    }

    /** Whether the task is no longer open (completed or ended by someone else). */
    private boolean gone(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery().taskId(taskId).count()) == 0;
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

    /** A yes/no decision a gateway reads, with the text that goes with it (transient: kept out of the engine's history). */
    public static VariableMap decision(String name, boolean yes, String textName, String text) {
        return text(decisions().putValue(name, yes), textName, text);
    }

    /** The current steps of a record's processes (its own and those it called with the same business key). */
    public List<Step> steps(String businessKey) {
        return lookup.activeOfRecord(businessKey, null).stream()
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
