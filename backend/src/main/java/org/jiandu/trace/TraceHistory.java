package org.jiandu.trace;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * A trace's entries from Camunda's history, as the reader's audience ({@link TraceScope}) may see them: for the
 * supervision body every activity, task, user operation, variable (those its audience reads) and incident of each
 * visible process, a called process written inside its call activity; for an addressee only the tasks addressed to
 * it. A clue the reader may not see leaves no mark (its call activities and the variables holding its number).
 */
@Component
class TraceHistory {

    private static final int MAX_DETAIL = 500;

    private final HistoryService history;
    private final TraceScopes scopes;
    private final ZoneId zone;

    TraceHistory(ProcessEngine engine, TraceScopes scopes, Clock clock) {
        this.history = engine.getHistoryService();
        this.scopes = scopes;
        this.zone = clock.getZone();
    }

    void engineEntries(HistoricProcessInstance instance, TraceScope scope, Map<String, HistoricProcessInstance> visible,
                       Set<String> done, TraceTimeline timeline) {
        if (!done.add(instance.getId())) {
            return;
        }
        String key = instance.getProcessDefinitionKey();
        String id = instance.getId();
        String businessKey = instance.getBusinessKey();
        if (scope.audience().addressee()) {
            addressedTaskEntries(instance, scope, timeline);
            return;
        }
        String started = instance.getSuperProcessInstanceId() == null ? null
                : "由流程实例 " + instance.getSuperProcessInstanceId() + " 调用";
        add(timeline, instance.getStartTime(), new TraceEntry(null, "PROCESS", "STARTED", businessKey, null,
                key, id, instance.getStartActivityId(), instance.getProcessDefinitionName(), instance.getStartUserId(),
                null, null, null, null, started));

        Map<String, HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .list().stream().collect(Collectors.toMap(HistoricTaskInstance::getId, task -> task));
        for (HistoricActivityInstance activity : activities(id)) {
            if (scope.hidesCallTo(activity.getCalledProcessInstanceId())) {
                continue;
            }
            HistoricTaskInstance task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
            add(timeline, activity.getStartTime(), new TraceEntry(null, "ACTIVITY", "STARTED", businessKey,
                    null, key, id, activity.getActivityId(), activity.getActivityName(), null, null, null, null, null,
                    activity.getActivityType()));
            HistoricProcessInstance called = visible.get(activity.getCalledProcessInstanceId());
            if (called != null) {
                engineEntries(called, scope, visible, done, timeline);
            }
            if (task != null) {
                add(timeline, task.getStartTime(), new TraceEntry(null, "TASK", "CREATED", businessKey,
                        null, key, id, task.getTaskDefinitionKey(), task.getName(), null, null, null, null, null,
                        task.getDueDate() == null ? null : "期限 " + at(task.getDueDate())));
                if (task.getEndTime() != null) {
                    String event = "completed".equals(task.getDeleteReason()) ? "COMPLETED" : "DELETED";
                    add(timeline, task.getEndTime(), new TraceEntry(null, "TASK", event, businessKey,
                            null, key, id, task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), null, null,
                            null, task.getDurationInMillis(), task.getDeleteReason()));
                }
            }
            if (activity.getEndTime() != null) {
                add(timeline, activity.getEndTime(), new TraceEntry(null, "ACTIVITY", "ENDED", businessKey,
                        null, key, id, activity.getActivityId(), activity.getActivityName(), activity.getAssignee(),
                        null, null, null, activity.getDurationInMillis(), activity.getCalledProcessInstanceId() == null
                        ? null : "调用流程实例 " + activity.getCalledProcessInstanceId()));
            }
        }
        Map<String, List<UserOperationLogEntry>> operations = history.createUserOperationLogQuery()
                .processInstanceId(id).orderByTimestamp().asc().list().stream()
                .collect(Collectors.groupingBy(TraceHistory::operation, LinkedHashMap::new, Collectors.toList()));
        for (List<UserOperationLogEntry> operation : operations.values()) {
            UserOperationLogEntry first = operation.get(0);
            HistoricTaskInstance task = first.getTaskId() == null ? null : tasks.get(first.getTaskId());
            String changes = operation.stream().filter(entry -> entry.getProperty() != null)
                    .map(entry -> entry.getProperty() + ": " + nullToDash(entry.getOrgValue()) + " → "
                            + nullToDash(entry.getNewValue()))
                    .collect(Collectors.joining("; "));
            add(timeline, first.getTimestamp(), new TraceEntry(null, "OPERATION", first.getOperationType(),
                    businessKey, null, key, id, task == null ? null : task.getTaskDefinitionKey(),
                    task == null ? first.getEntityType() : task.getName(), first.getUserId(), null, null, null, null,
                    changes.isEmpty() ? null : truncate(changes)));
        }
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
                .orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            if (scope.hidesValue(update.getValue())) {
                continue;
            }
            if (!scope.audience().seesVariable(update.getVariableName())) {
                continue;
            }
            add(timeline, update.getTime(), new TraceEntry(null, "VARIABLE", "SET", businessKey, null, key,
                    id, null, update.getVariableName(), null, null, null, null, null,
                    truncate(String.valueOf(update.getValue()))));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
            add(timeline, incident.getCreateTime(), new TraceEntry(null, "INCIDENT", "CREATED",
                    businessKey, null, key, id, incident.getActivityId(), incident.getIncidentType(), null, null, null,
                    null, null, truncate(incident.getIncidentMessage())));
            if (incident.getEndTime() != null) {
                add(timeline, incident.getEndTime(), new TraceEntry(null, "INCIDENT", "RESOLVED",
                        businessKey, null, key, id, incident.getActivityId(), incident.getIncidentType(), null, null,
                        null, null, null, null));
            }
        }
        if (instance.getEndTime() != null) {
            String event = instance.getDeleteReason() == null ? "ENDED" : "CANCELED";
            add(timeline, instance.getEndTime(), new TraceEntry(null, "PROCESS", event, businessKey, null,
                    key, id, instance.getEndActivityId(), instance.getProcessDefinitionName(), null, null, null, null,
                    instance.getDurationInMillis(), instance.getDeleteReason()));
        }
    }

    /**
     * What an agency or a receiving body sees of a process: the tasks addressed to it (created with their due date,
     * completed by whom), under the diagram's names; nothing of the supervision body's own steps.
     */
    private void addressedTaskEntries(HistoricProcessInstance instance, TraceScope scope, TraceTimeline timeline) {
        Set<String> addressed = scopes.addressedTasks(instance.getProcessDefinitionId());
        String key = instance.getProcessDefinitionKey();
        String id = instance.getId();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().list()) {
            if (!addressed.contains(task.getTaskDefinitionKey())) {
                continue;
            }
            add(timeline, task.getStartTime(), new TraceEntry(null, "TASK", "CREATED",
                    instance.getBusinessKey(), null, key, id, task.getTaskDefinitionKey(), task.getName(), null, null,
                    null, null, null, task.getDueDate() == null ? null : "期限 " + at(task.getDueDate())));
            if (task.getEndTime() != null) {
                boolean completed = "completed".equals(task.getDeleteReason());
                add(timeline, task.getEndTime(), new TraceEntry(null, "TASK",
                        completed ? "COMPLETED" : "DELETED", instance.getBusinessKey(), null, key, id,
                        task.getTaskDefinitionKey(), task.getName(), scope.ownActor(task.getAssignee()), null, null,
                        null, task.getDurationInMillis(), null));
            }
        }
    }

    List<HistoricActivityInstance> activities(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }

    /** The entry at its instant, its time written in the application's zone. */
    private void add(TraceTimeline timeline, Date when, TraceEntry entry) {
        timeline.add(when.toInstant(), new TraceEntry(at(when), entry.source(), entry.event(), entry.recordNo(),
                entry.recordType(), entry.processKey(), entry.processInstanceId(), entry.activityId(), entry.name(),
                entry.userId(), entry.userRoles(), entry.userOrg(), entry.clientAddress(), entry.durationMillis(),
                entry.detail()));
    }

    OffsetDateTime at(Date date) {
        return date.toInstant().atZone(zone).toOffsetDateTime();
    }

    /**
     * One operation of the log: its entries (one per changed property) share Camunda's operation id and type. A
     * command that ran several operations (our claim and completion of a task) gave them one id, not one type.
     */
    private static String operation(UserOperationLogEntry entry) {
        return entry.getOperationId() + "|" + entry.getOperationType() + "|" + entry.getTaskId();
    }

    private static String nullToDash(String text) {
        return text == null ? "—" : text;
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_DETAIL) {
            return text;
        }
        return text.substring(0, MAX_DETAIL) + "…";
    }
}
