package org.jiandu.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.identity.CurrentUser;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.platform.EngineAccess;
import org.jiandu.trace.TextHistoryFilter;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person does with a task: claim, hand back, complete, delegate, resolve, transfer, return, comment. Each
 * operation checks who may do it ({@link TaskAccess}), moves the task through the engine as the caller, and writes
 * the audit row (who, when, why) and the notifications, in one transaction. Two people acting on one task at once:
 * the engine's optimistic locking lets one win, the other gets 409 and nothing of theirs is written.
 */
@Service
class TaskActions {

    private final TaskAccess access;
    private final TaskService taskService;
    private final EngineAccess engineAccess;
    private final Notifications notifications;
    private final ProcessTasks processTasks;

    TaskActions(TaskAccess access, TaskService taskService, EngineAccess engineAccess, Notifications notifications,
                ProcessTasks processTasks) {
        this.access = access;
        this.taskService = taskService;
        this.engineAccess = engineAccess;
        this.notifications = notifications;
        this.processTasks = processTasks;
    }

    @Transactional
    public void claim(CurrentUser user, String taskId) {
        TaskAccess.Current current = access.visibleTask(user, taskId);
        if (current.task().getAssignee() != null) {
            throw ApiException.conflict("TASK_ALREADY_CLAIMED", "该任务已被" + current.task().getAssignee() + "认领。");
        }
        if (!access.candidate(user, taskId)) {
            throw ApiException.forbidden("NOT_CANDIDATE", "您不在该任务的候选人或候选组中，不能认领。");
        }
        taskService.claim(taskId, user.userId());
        access.audit(current, "TASK_CLAIMED", Map.of());
    }

    @Transactional
    public void unclaim(CurrentUser user, String taskId) {
        TaskAccess.Current current = access.assignedTask(user, taskId);
        access.refuseWhileDelegated(current);
        if (engineAccess.withoutAuthorizationChecks(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))) {
            throw ApiException.conflict("NO_CANDIDATES", "该任务没有候选人或候选组，不能归还，请改用转办。");
        }
        // users hold TASK_WORK, not TASK_ASSIGN: re-routing a task is our operation, after the checks above
        engineAccess.withoutAuthorizationChecks(() -> taskService.setAssignee(taskId, null));
        access.audit(current, "TASK_UNCLAIMED", Map.of());
    }

    @Transactional
    public void complete(CurrentUser user, String taskId, Map<String, Object> variables) {
        TaskAccess.Current current = access.assignedTask(user, taskId);
        if (current.delegated()) {
            throw ApiException.conflict("DELEGATION_PENDING", "这是委派给您的任务，请使用“办理完毕并交还”，由委派人完成。");
        }
        processTasks.submit(current.task(), scalar(variables));
        access.audit(current, "TASK_COMPLETED", Map.of("fields", withoutTexts(variables)));
    }

    /** 委派: the delegate works the task and hands it back (resolve); the caller stays its owner. */
    @Transactional
    public void delegate(CurrentUser user, String taskId, String delegateId, String reason) {
        handOver(user, taskId, delegateId, reason, "委派", "TASK_DELEGATED", (task, delegate) -> {
            taskService.delegateTask(task, delegate.userId());
            return Map.of("to", delegate.userId(), "reason", reason);
        });
    }

    @Transactional
    public void resolve(CurrentUser user, String taskId, Map<String, Object> variables) {
        TaskAccess.Current current = access.assignedTask(user, taskId);
        if (!current.delegated()) {
            throw ApiException.conflict("NOT_DELEGATED", "该任务不是委派给您的任务，请直接办理。");
        }
        taskService.resolveTask(taskId, scalar(variables));
        notifications.notifyUsers(List.of(current.task().getOwner()), NotificationKind.INFO,
                "委派已办结：" + current.task().getName(), user.displayName() + "已办理完毕，请您完成该任务。",
                TaskRecords.TASK, taskId);
        access.audit(current, "TASK_RESOLVED", Map.of("owner", current.task().getOwner(), "fields", withoutTexts(variables)));
    }

    /** 转办: the task becomes the target's. */
    @Transactional
    public void transfer(CurrentUser user, String taskId, String targetId, String reason) {
        handOver(user, taskId, targetId, reason, "转办", "TASK_TRANSFERRED", (task, target) -> {
            taskService.setAssignee(task, target.userId());
            return Map.of("from", user.userId(), "to", target.userId(), "reason", reason);
        });
    }

    /**
     * Gives the caller's task to someone they may give it to (not while it is delegated), by {@code move} (which
     * answers what the audit row records); the new worker is told, and the audit row says to whom and why.
     */
    private void handOver(CurrentUser user, String taskId, String targetId, String reason, String verb, String action,
                          BiFunction<String, CurrentUser, Map<String, Object>> move) {
        TaskAccess.Current current = access.assignedTask(user, taskId);
        access.refuseWhileDelegated(current);
        CurrentUser target = access.target(user, current, targetId);
        Map<String, Object> changes = engineAccess.withoutAuthorizationChecks(() -> move.apply(taskId, target));
        notifications.notifyUsers(List.of(target.userId()), NotificationKind.NEW_TASK,
                verb + "待办：" + current.task().getName(), user.displayName() + verb + "：" + reason, TaskRecords.TASK, taskId);
        access.audit(current, action, changes, verb + "给" + target.displayName() + "：" + reason);
    }

    /**
     * 退回: throws the BPMN error {@value TaskRecords#RETURN_ERROR_CODE} from the task, which a boundary
     * error event of the task catches and leads back to the previous step. Where the diagram models no such
     * way back the return is refused. The step's new task goes to the person who did it last time.
     */
    @Transactional
    public List<String> returnToPrevious(CurrentUser user, String taskId, String reason) {
        TaskAccess.Current current = access.assignedTask(user, taskId);
        access.refuseWhileDelegated(current);
        if (!access.returnModelled(current.task())) {
            throw ApiException.conflict("RETURN_NOT_MODELLED", "该环节在流程中没有退回路径，不能退回。");
        }
        Set<String> before = new LinkedHashSet<>(access.activeTaskIds(current.task().getProcessInstanceId()));
        taskService.handleBpmnError(taskId, TaskRecords.RETURN_ERROR_CODE, reason);
        List<String> reopened = new ArrayList<>();
        engineAccess.withoutAuthorizationChecks(() -> {
            for (Task next : taskService.createTaskQuery().processInstanceId(current.task().getProcessInstanceId()).list()) {
                if (before.contains(next.getId())) {
                    continue;
                }
                reopened.add(next.getId());
                String previous = access.lastPerformer(next);
                if (next.getAssignee() == null && previous != null) {
                    taskService.setAssignee(next.getId(), previous);
                }
                String recipient = next.getAssignee() != null ? next.getAssignee() : previous;
                String title = "退回：" + next.getName();
                String body = user.displayName() + "退回了“" + current.task().getName() + "”：" + reason;
                if (recipient != null) {
                    notifications.notifyUsers(List.of(recipient), NotificationKind.RETURNED, title, body,
                            TaskRecords.TASK, next.getId());
                } else {
                    access.candidateGroups(next.getId()).forEach(group -> notifications.notifyGroup(group,
                            NotificationKind.RETURNED, title, body, TaskRecords.TASK, next.getId()));
                }
            }
        });
        access.audit(current, "TASK_RETURNED", Map.of("reason", reason, "reopened", reopened),
                "退回（" + current.task().getName() + "）：" + reason);
        return reopened;
    }

    @Transactional
    public void comment(CurrentUser user, String taskId, String message) {
        TaskAccess.Current current = access.visibleTask(user, taskId);
        access.audit(current, "TASK_COMMENTED", Map.of("message", message), message);
    }

    /**
     * Submitted values as the audit log records them: decisions as they are, typed texts (a reply naming the
     * complainant, an opinion) only as present — the feature's own tables keep them, and the audit log is read by
     * more people than handle the record.
     */
    private static Map<String, Object> withoutTexts(Map<String, Object> variables) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((name, value) -> recorded.put(name,
                    TextHistoryFilter.TEXT_VARIABLES.contains(name) && value != null ? "（已填写）" : value));
        }
        return recorded;
    }

    private static Map<String, Object> scalar(Map<String, Object> variables) {
        Map<String, Object> values = variables == null ? Map.of() : variables;
        values.forEach((name, value) -> {
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                throw ApiException.badRequest("UNSUPPORTED_VALUE", "字段 " + name + " 只能是文字、数字或是否。");
            }
        });
        return values;
    }
}
