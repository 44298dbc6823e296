package org.jiandu.complaint;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a complaint step falls due and escalations (督办) once it is overdue, fired by the
 * diagram's boundary timers. Notifications are written in the timer job's transaction.
 */
@Service
class ComplaintDeadlineAlerts {

    private final ComplaintMapper complaints;
    private final TaskService taskService;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    ComplaintDeadlineAlerts(ComplaintMapper complaints, TaskService taskService, Notifications notifications,
                            AuditLog auditLog, Clock clock) {
        this.complaints = complaints;
        this.taskService = taskService;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void remind(long complaintId, String processInstanceId, String taskKey) {
        Complaint complaint = complaint(complaintId);
        for (Task task : openTasks(processInstanceId, taskKey)) {
            String title = "临期提醒：" + complaint.trackingNo() + " " + task.getName();
            String body = "投诉举报 " + complaint.trackingNo() + " 的“" + task.getName() + "”将于 "
                    + dueText(task) + " 到期，请及时办理。";
            if (task.getAssignee() != null) {
                notifications.notifyUsers(List.of(task.getAssignee()), NotificationKind.REMINDER, title, body,
                        ComplaintProcess.RECORD_TYPE, complaint.trackingNo());
            } else {
                for (String group : candidateGroups(task)) {
                    notifications.notifyGroup(group, NotificationKind.REMINDER, title, body,
                            ComplaintProcess.RECORD_TYPE, complaint.trackingNo());
                }
            }
            auditLog.record(ComplaintProcess.RECORD_TYPE, complaint.trackingNo(), "TASK_REMINDED",
                    Map.of("taskKey", taskKey, "taskId", task.getId()));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void escalate(long complaintId, String processInstanceId, String taskKey) {
        Complaint complaint = complaint(complaintId);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        for (Task task : openTasks(processInstanceId, taskKey)) {
            LocalDateTime due = task.getDueDate() == null ? null
                    : LocalDateTime.ofInstant(task.getDueDate().toInstant(), clock.getZone());
            complaints.insertEscalation(complaintId, taskKey, task.getName(), task.getId(), task.getAssignee(), due, now);
            String holder = task.getAssignee() != null ? "承办人 " + task.getAssignee() : "待认领";
            notifications.notifyGroup(Role.LEAD.groupId(), NotificationKind.ESCALATION,
                    "超期督办：" + complaint.trackingNo() + " " + task.getName(),
                    "投诉举报 " + complaint.trackingNo() + " 的“" + task.getName() + "”已于 " + dueText(task)
                            + " 到期仍未办结（" + holder + "），请督办。",
                    ComplaintProcess.RECORD_TYPE, complaint.trackingNo());
            if (task.getAssignee() != null) {
                notifications.notifyUsers(List.of(task.getAssignee()), NotificationKind.URGE,
                        "已超期：" + complaint.trackingNo() + " " + task.getName(),
                        "您承办的“" + task.getName() + "”已超期，已报科室负责人督办，请尽快办理。",
                        ComplaintProcess.RECORD_TYPE, complaint.trackingNo());
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("taskKey", taskKey);
            changes.put("taskId", task.getId());
            changes.put("dueAt", due);
            auditLog.record(ComplaintProcess.RECORD_TYPE, complaint.trackingNo(), "TASK_ESCALATED", changes);
        }
    }

    private List<Task> openTasks(String processInstanceId, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private String dueText(Task task) {
        return task.getDueDate() == null ? "（无期限）"
                : LocalDateTime.ofInstant(task.getDueDate().toInstant(), clock.getZone()).toLocalDate().toString();
    }

    private Complaint complaint(long id) {
        return complaints.find(id).orElseThrow(() -> new IllegalStateException("Complaint " + id + " does not exist"));
    }
}
