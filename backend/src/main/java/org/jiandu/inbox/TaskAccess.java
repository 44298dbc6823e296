package org.jiandu.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.UserDirectory;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Who may act on a task, and what the task actions need to know of it: the task with its record, agency and process
 * (loaded past the engine's authorization, after which each check is ours), the candidates, the way back, and the
 * audit row of an action.
 */
@Component
class TaskAccess {

    /** The audit field holding a task action's remark, shown as the task's comment. */
    static final String COMMENT = "comment";

    /** A task with what the operations need to know about it. */
    record Current(Task task, String businessKey, String agencyCode, String processName) {

        String recordNo() {
            return businessKey != null ? businessKey : task.getProcessInstanceId();
        }

        boolean assignedTo(String userId) {
            return userId.equals(task.getAssignee());
        }

        boolean delegated() {
            return task.getDelegationState() == DelegationState.PENDING;
        }
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final EngineAccess engineAccess;
    private final InboxMapper mapper;
    private final UserDirectory users;
    private final AuditLog auditLog;

    TaskAccess(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
               RepositoryService repositoryService, EngineAccess engineAccess, InboxMapper mapper,
               UserDirectory users, AuditLog auditLog) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.engineAccess = engineAccess;
        this.mapper = mapper;
        this.users = users;
        this.auditLog = auditLog;
    }

    // ---- who may act ----

    Current visibleTask(CurrentUser user, String taskId) {
        Current current = load(taskId);
        if (!visible(taskId)) {
            if (!exists(taskId)) {
                // it was there a moment ago: someone else completed it in between, a lost race
                throw ApiException.conflict("CONCURRENT_CHANGE", "该任务刚被他人办理，请刷新后重试。");
            }
            throw notFound();
        }
        return guardAgency(user, current);
    }

    Current assignedTask(CurrentUser user, String taskId) {
        Current current = visibleTask(user, taskId);
        if (!current.assignedTo(user.userId())) {
            throw ApiException.forbidden("NOT_ASSIGNEE", "只有该任务的办理人才能执行此操作，请先认领。");
        }
        return current;
    }

    boolean exists(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery().taskId(taskId).count()) > 0;
    }

    /** The engine decides visibility: assignee, owner, candidate, or a READ_TASK grant on the process. */
    boolean visible(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).count() > 0;
    }

    boolean ccRecipient(CurrentUser user, String taskId) {
        return mapper.ccRecipients(taskId).contains(user.userId());
    }

    /** An agency's staff touch only their own agency's tasks, whatever else grants them. */
    static Current guardAgency(CurrentUser user, Current current) {
        if (user.has(Role.AGENCY) && !user.org().code().equals(current.agencyCode())) {
            throw notFound();
        }
        return current;
    }

    boolean candidate(CurrentUser user, String taskId) {
        List<String> groups = user.engineGroups();
        return engineAccess.withoutAuthorizationChecks(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.userId().equals(link.getUserId()) || groups.contains(link.getGroupId()));
    }

    /** Someone a task may be handed to: an enabled user; for an agency's task only staff of that agency or internal staff. */
    CurrentUser target(CurrentUser user, Current current, String userId) {
        if (userId == null || userId.isBlank() || userId.equals(user.userId())) {
            throw ApiException.badRequest("INVALID_TARGET_USER", "请选择另一位用户。");
        }
        CurrentUser target = users.load(userId).filter(u -> users.engineUser(u.userId()).isPresent())
                .orElseThrow(() -> ApiException.badRequest("TARGET_USER_NOT_FOUND", "用户 " + userId + " 不存在。"));
        boolean external = target.roles().stream().noneMatch(Role::internal);
        if (external && !target.org().code().equals(current.agencyCode())) {
            throw ApiException.badRequest("TARGET_NOT_ALLOWED", "不能交给其他单位的人员：" + target.displayName() + "。");
        }
        if (user.has(Role.AGENCY) && !target.org().code().equals(user.org().code())) {
            throw ApiException.badRequest("TARGET_NOT_ALLOWED", "只能交给本单位的人员。");
        }
        return target;
    }

    static void refuseWhileDelegated(Current current) {
        if (current.delegated()) {
            throw ApiException.conflict("DELEGATION_PENDING", "该任务正在委派办理中，请先办理完毕并交还委派人。");
        }
    }

    // ---- engine lookups ----

    Current load(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                boolean done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
                if (done) {
                    throw ApiException.conflict("TASK_ALREADY_DONE", "该任务已办结或已被他人处理，请刷新待办列表。");
                }
                throw notFound();
            }
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            Object agency = runtimeService.getVariable(task.getProcessInstanceId(), TaskRecords.AGENCY_VARIABLE);
            ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
            return new Current(task, instance.getBusinessKey(), agency == null ? null : agency.toString(),
                    definition.getName());
        });
    }

    boolean returnModelled(Task task) {
        return engineAccess.withoutAuthorizationChecks(() ->
                repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                        .getModelElementsByType(BoundaryEvent.class).stream()
                        .filter(event -> event.getAttachedTo().getId().equals(task.getTaskDefinitionKey()))
                        .flatMap(event -> event.getEventDefinitions().stream())
                        .filter(ErrorEventDefinition.class::isInstance)
                        .map(ErrorEventDefinition.class::cast)
                        .anyMatch(definition -> definition.getError() != null
                                && TaskRecords.RETURN_ERROR_CODE.equals(definition.getError().getErrorCode())));
    }

    List<String> activeTaskIds(String processInstanceId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceId(processInstanceId).list().stream().map(Task::getId).toList());
    }

    /** Who last completed the step a task stands for, in the same process instance. */
    String lastPerformer(Task task) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(task.getTaskDefinitionKey()).finished().orderByHistoricTaskInstanceEndTime().desc()
                .list().stream().map(HistoricTaskInstance::getAssignee).filter(a -> a != null).findFirst().orElse(null);
    }

    List<String> candidateGroups(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    }

    String processKey(String definitionId) {
        return engineAccess.withoutAuthorizationChecks(() -> repositoryService.getProcessDefinition(definitionId).getKey());
    }

    void audit(Current current, String action, Map<String, ?> details) {
        audit(current, action, details, null);
    }

    /**
     * The action's audit row; a remark people wrote (a reason, a comment, an urge) is kept there as the task's
     * comment, in our table rather than in Camunda's comments, which its history would keep for every reader.
     */
    void audit(Current current, String action, Map<String, ?> details, String comment) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("taskId", current.task().getId());
        changes.put("step", current.task().getName());
        changes.putAll(details);
        if (comment != null) {
            changes.put(COMMENT, comment);
        }
        auditLog.record(TaskRecords.WORKFLOW, current.recordNo(), action, changes);
    }

    /** The open task of that id, whoever may see it; null if none. */
    Task openTask(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    }

    /** The task of that id from history, open or done; null if none. */
    HistoricTaskInstance historicTask(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() ->
                historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    }

    static ApiException notFound() {
        return ApiException.notFound("TASK_NOT_FOUND", "任务不存在。");
    }
}
