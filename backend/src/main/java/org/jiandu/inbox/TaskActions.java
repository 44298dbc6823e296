package org.jiandu.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.jiandu.calendar.Workdays;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.UserDirectory;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.platform.EngineAccess;
import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.trace.TextHistoryFilter;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
/**
 * What a person does with a task. Each operation checks who may do it, moves the task through the
 * engine as the caller, and writes the audit row (who, when, why) and the notifications, in one
 * transaction. Two people acting on one task at once: the engine's optimistic locking lets one win,
 * the other gets 409 and nothing of theirs is written.
 */
@Service
class TaskActions {

    /** The audit field holding a task action's remark, shown as the task's comment. */
    private static final String COMMENT = "comment";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final EngineAccess engineAccess;
    private final InboxMapper mapper;
    private final Inbox inbox;
    private final UserDirectory users;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Workdays workdays;
    private final Clock clock;
    private final ObjectMapper json;
    private final ProcessTasks processTasks;

    TaskActions(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
                RepositoryService repositoryService, EngineAccess engineAccess, InboxMapper mapper, Inbox inbox,
                UserDirectory users, Notifications notifications, AuditLog auditLog, Workdays workdays, Clock clock,
                ObjectMapper json, ProcessTasks processTasks) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.engineAccess = engineAccess;
        this.mapper = mapper;
        this.inbox = inbox;
        this.users = users;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.workdays = workdays;
        this.clock = clock;
        this.json = json;
        this.processTasks = processTasks;
    }

    /** A task with what the operations need to know about it. */
    private record Current(Task task, String businessKey, String agencyCode, String processName) {

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

    /** A task's row, its comments and the history of the operations on its record. */
    record TaskDetail(TaskRow task, List<CommentView> comments, List<AuditEntry> history) {
    }

    record CommentView(String userId, java.time.OffsetDateTime time, String message) {
    }

    @Transactional(readOnly = true)
    public TaskDetail detail(CurrentUser user, String taskId) {
        Task task = engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        String processInstanceId;
        TaskRow row;
        if (task != null && (visible(taskId) || ccRecipient(user, taskId))) {
            Current current = guardAgency(user, load(taskId));
            processInstanceId = task.getProcessInstanceId();
            row = inbox.runtimeRows(List.of(current.task())).get(0);
        } else {
            HistoricTaskInstance done = engineAccess.withoutAuthorizationChecks(() ->
                    historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
            if (done == null || !(user.userId().equals(done.getAssignee()) || ccRecipient(user, taskId))) {
                throw notFound();
            }
            processInstanceId = done.getProcessInstanceId();
            row = inbox.historicRows(List.of(done)).get(0);
        }
        String recordNo = row.businessKey() != null ? row.businessKey() : processInstanceId;
        List<AuditEntry> history = auditLog.ofRecord(TaskRecords.WORKFLOW, recordNo);
        return new TaskDetail(row, comments(history), history);
    }

    @Transactional
    public void markCcRead(CurrentUser user, String taskId) {
        mapper.markCcRead(taskId, user.userId(), now());
    }

    @Transactional
    public void claim(CurrentUser user, String taskId) {
        Current current = visibleTask(user, taskId);
        if (current.task().getAssignee() != null) {
            throw ApiException.conflict("TASK_ALREADY_CLAIMED", "该任务已被" + current.task().getAssignee() + "认领。");
        }
        if (!candidate(user, taskId)) {
            throw ApiException.forbidden("NOT_CANDIDATE", "您不在该任务的候选人或候选组中，不能认领。");
        }
        taskService.claim(taskId, user.userId());
        audit(current, "TASK_CLAIMED", Map.of());
    }

    @Transactional
    public void unclaim(CurrentUser user, String taskId) {
        Current current = assignedTask(user, taskId);
        refuseWhileDelegated(current);
        if (engineAccess.withoutAuthorizationChecks(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))) {
            throw ApiException.conflict("NO_CANDIDATES", "该任务没有候选人或候选组，不能归还，请改用转办。");
        }
        // users hold TASK_WORK, not TASK_ASSIGN: re-routing a task is our operation, after the checks above
        engineAccess.withoutAuthorizationChecks(() -> taskService.setAssignee(taskId, null));
        audit(current, "TASK_UNCLAIMED", Map.of());
    }

    @Transactional
    public void complete(CurrentUser user, String taskId, Map<String, Object> variables) {
        Current current = assignedTask(user, taskId);
        if (current.delegated()) {
            throw ApiException.conflict("DELEGATION_PENDING", "这是委派给您的任务，请使用“办理完毕并交还”，由委派人完成。");
        }
        processTasks.submit(current.task(), scalar(variables));
        audit(current, "TASK_COMPLETED", Map.of("fields", withoutTexts(variables)));
    }

    @Transactional
    public void delegate(CurrentUser user, String taskId, String delegateId, String reason) {
        Current current = assignedTask(user, taskId);
        refuseWhileDelegated(current);
        CurrentUser delegate = target(user, current, delegateId);
        engineAccess.withoutAuthorizationChecks(() -> taskService.delegateTask(taskId, delegate.userId()));
        notifications.notifyUsers(List.of(delegate.userId()), NotificationKind.NEW_TASK,
                "委派待办：" + current.task().getName(), user.displayName() + "委派：" + reason, TaskRecords.TASK, taskId);
        audit(current, "TASK_DELEGATED", Map.of("to", delegate.userId(), "reason", reason),
                "委派给" + delegate.displayName() + "：" + reason);
    }

    @Transactional
    public void resolve(CurrentUser user, String taskId, Map<String, Object> variables) {
        Current current = assignedTask(user, taskId);
        if (!current.delegated()) {
            throw ApiException.conflict("NOT_DELEGATED", "该任务不是委派给您的任务，请直接办理。");
        }
        taskService.resolveTask(taskId, scalar(variables));
        notifications.notifyUsers(List.of(current.task().getOwner()), NotificationKind.INFO,
                "委派已办结：" + current.task().getName(), user.displayName() + "已办理完毕，请您完成该任务。",
                TaskRecords.TASK, taskId);
        audit(current, "TASK_RESOLVED", Map.of("owner", current.task().getOwner(), "fields", withoutTexts(variables)));
    }

    @Transactional
    public void transfer(CurrentUser user, String taskId, String targetId, String reason) {
        Current current = assignedTask(user, taskId);
        refuseWhileDelegated(current);
        CurrentUser target = target(user, current, targetId);
        engineAccess.withoutAuthorizationChecks(() -> taskService.setAssignee(taskId, target.userId()));
        notifications.notifyUsers(List.of(target.userId()), NotificationKind.NEW_TASK,
                "转办待办：" + current.task().getName(), user.displayName() + "转办：" + reason, TaskRecords.TASK, taskId);
        audit(current, "TASK_TRANSFERRED", Map.of("from", user.userId(), "to", target.userId(), "reason", reason),
                "转办给" + target.displayName() + "：" + reason);
    }

    /**
     * 退回: throws the BPMN error {@value TaskRecords#RETURN_ERROR_CODE} from the task, which a boundary
     * error event of the task catches and leads back to the previous step. Where the diagram models no such
     * way back the return is refused. The step's new task goes to the person who did it last time.
     */
    @Transactional
    public List<String> returnToPrevious(CurrentUser user, String taskId, String reason) {
        Current current = assignedTask(user, taskId);
        refuseWhileDelegated(current);
        if (!returnModelled(current.task())) {
            throw ApiException.conflict("RETURN_NOT_MODELLED", "该环节在流程中没有退回路径，不能退回。");
        }
        Set<String> before = new LinkedHashSet<>(activeTaskIds(current.task().getProcessInstanceId()));
        taskService.handleBpmnError(taskId, TaskRecords.RETURN_ERROR_CODE, reason);
        List<String> reopened = new ArrayList<>();
        engineAccess.withoutAuthorizationChecks(() -> {
            for (Task next : taskService.createTaskQuery().processInstanceId(current.task().getProcessInstanceId()).list()) {
                if (before.contains(next.getId())) {
                    continue;
                }
                reopened.add(next.getId());
                String previous = lastPerformer(next);
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
                    candidateGroups(next.getId()).forEach(group -> notifications.notifyGroup(group,
                            NotificationKind.RETURNED, title, body, TaskRecords.TASK, next.getId()));
                }
            }
        });
        audit(current, "TASK_RETURNED", Map.of("reason", reason, "reopened", reopened),
                "退回（" + current.task().getName() + "）：" + reason);
        return reopened;
    }

    @Transactional
    public void comment(CurrentUser user, String taskId, String message) {
        Current current = visibleTask(user, taskId);
        audit(current, "TASK_COMMENTED", Map.of("message", message), message);
    }

    /** 催办: reminds whoever holds the task, at most once per task and working day. */
    @Transactional
    public void urge(CurrentUser user, String taskId, String message) {
        Current current = visibleTask(user, taskId);
        if (current.assignedTo(user.userId())) {
            throw ApiException.badRequest("CANNOT_URGE_OWN_TASK", "不能催办自己的待办。");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate urgeDay = workdays.isWorkday(today) ? today : workdays.after(today, 1);
        if (mapper.countUrges(taskId, urgeDay) > 0) {
            throw ApiException.conflict("ALREADY_URGED_TODAY", "该任务今天已催办过，每个工作日最多催办一次。");
        }
        String text = message == null || message.isBlank() ? "请尽快办理。" : message.strip();
        mapper.insertUrge(taskId, urgeDay, user.userId(), text, now());
        String title = "催办：" + current.task().getName();
        String body = user.displayName() + "催办" + InboxTexts.title(current.processName(), current.businessKey())
                + "：" + text;
        if (current.task().getAssignee() != null) {
            notifications.notifyUsers(List.of(current.task().getAssignee()), NotificationKind.URGE, title, body,
                    TaskRecords.TASK, taskId);
        } else {
            Set<String> recipients = new LinkedHashSet<>();
            candidateGroups(taskId).forEach(group -> recipients.addAll(notifications.membersOfGroup(group)));
            notifications.notifyUsers(recipients, NotificationKind.URGE, title, body, TaskRecords.TASK, taskId);
        }
        audit(current, "TASK_URGED", Map.of("message", text, "urgeDay", urgeDay.toString()), "催办：" + text);
    }

    /** 抄送: the recipients are told, see the task in 抄送我的 and may read its record. */
    @Transactional
    public List<String> cc(CurrentUser user, String taskId, Collection<String> recipientIds, String message) {
        Current current = visibleTask(user, taskId);
        Set<String> already = new LinkedHashSet<>(mapper.ccRecipients(taskId));
        List<String> added = new ArrayList<>();
        LocalDateTime now = now();
        for (String recipientId : new LinkedHashSet<>(recipientIds)) {
            CurrentUser recipient = target(user, current, recipientId);
            if (already.contains(recipient.userId())) {
                continue;
            }
            Task task = current.task();
            mapper.insertCc(new InboxMapper.CcRow(null, taskId, task.getProcessInstanceId(),
                    processKey(task.getProcessDefinitionId()), current.processName(), current.businessKey(),
                    current.agencyCode(), task.getName(), local(task.getCreateTime()), local(task.getDueDate()),
                    recipient.userId(), user.userId(), message, now, null));
            added.add(recipient.userId());
        }
        if (!added.isEmpty()) {
            notifications.notifyUsers(added, NotificationKind.CC, "抄送：" + current.task().getName(),
                    user.displayName() + "抄送" + InboxTexts.title(current.processName(), current.businessKey())
                            + (message == null || message.isBlank() ? "" : "：" + message.strip()),
                    TaskRecords.TASK, taskId);
            audit(current, "TASK_CC", Map.of("to", added));
        }
        return added;
    }

    // ---- who may act ----

    private Current visibleTask(CurrentUser user, String taskId) {
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

    private Current assignedTask(CurrentUser user, String taskId) {
        Current current = visibleTask(user, taskId);
        if (!current.assignedTo(user.userId())) {
            throw ApiException.forbidden("NOT_ASSIGNEE", "只有该任务的办理人才能执行此操作，请先认领。");
        }
        return current;
    }

    private boolean exists(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery().taskId(taskId).count()) > 0;
    }

    /** The engine decides visibility: assignee, owner, candidate, or a READ_TASK grant on the process. */
    private boolean visible(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).count() > 0;
    }

    private boolean ccRecipient(CurrentUser user, String taskId) {
        return mapper.ccRecipients(taskId).contains(user.userId());
    }

    /** An agency's staff touch only their own agency's tasks, whatever else grants them. */
    private static Current guardAgency(CurrentUser user, Current current) {
        if (user.has(Role.AGENCY) && !user.org().code().equals(current.agencyCode())) {
            throw notFound();
        }
        return current;
    }

    private boolean candidate(CurrentUser user, String taskId) {
        List<String> groups = user.engineGroups();
        return engineAccess.withoutAuthorizationChecks(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.userId().equals(link.getUserId()) || groups.contains(link.getGroupId()));
    }

    /** Someone a task may be handed to: an enabled user; for an agency's task only staff of that agency or internal staff. */
    private CurrentUser target(CurrentUser user, Current current, String userId) {
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

    private static void refuseWhileDelegated(Current current) {
        if (current.delegated()) {
            throw ApiException.conflict("DELEGATION_PENDING", "该任务正在委派办理中，请先办理完毕并交还委派人。");
        }
    }

    // ---- engine lookups ----

    private Current load(String taskId) {
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

    private boolean returnModelled(Task task) {
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

    private List<String> activeTaskIds(String processInstanceId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceId(processInstanceId).list().stream().map(Task::getId).toList());
    }

    /** Who last completed the step a task stands for, in the same process instance. */
    private String lastPerformer(Task task) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(task.getTaskDefinitionKey()).finished().orderByHistoricTaskInstanceEndTime().desc()
                .list().stream().map(HistoricTaskInstance::getAssignee).filter(a -> a != null).findFirst().orElse(null);
    }

    private List<String> candidateGroups(String taskId) {
        return engineAccess.withoutAuthorizationChecks(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    }

    private String processKey(String definitionId) {
        return engineAccess.withoutAuthorizationChecks(() -> repositoryService.getProcessDefinition(definitionId).getKey());
    }

    private void audit(Current current, String action, Map<String, ?> details) {
        audit(current, action, details, null);
    }

    /**
     * The action's audit row; a remark people wrote (a reason, a comment, an urge) is kept there as the task's
     * comment, in our table rather than in Camunda's comments, which its history would keep for every reader.
     */
    private void audit(Current current, String action, Map<String, ?> details, String comment) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("taskId", current.task().getId());
        changes.put("step", current.task().getName());
        changes.putAll(details);
        if (comment != null) {
            changes.put(COMMENT, comment);
        }
        auditLog.record(TaskRecords.WORKFLOW, current.recordNo(), action, changes);
    }

    /** The remarks of a record's task actions, from their audit rows. */
    private List<CommentView> comments(List<AuditEntry> history) {
        List<CommentView> comments = new ArrayList<>();
        for (AuditEntry row : history) {
            try {
                JsonNode comment = row.changes() == null ? null : json.readTree(row.changes()).get(COMMENT);
                if (comment != null && comment.isTextual()) {
                    comments.add(new CommentView(row.actor(), row.occurredAt().atZone(clock.getZone()).toOffsetDateTime(),
                            comment.asText()));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable audit row " + row.id(), e);
            }
        }
        return comments;
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

    private static ApiException notFound() {
        return ApiException.notFound("TASK_NOT_FOUND", "任务不存在。");
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private LocalDateTime local(java.util.Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), clock.getZone()).withNano(0);
    }
}
