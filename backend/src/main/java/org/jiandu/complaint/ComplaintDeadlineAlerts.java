package org.jiandu.complaint;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiandu.audit.AuditLog;
import org.jiandu.workflow.StepNotifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a complaint step falls due and escalations (督办) once it is overdue, fired by the diagram's
 * boundary timers: whom they tell is the step's declaration ({@link StepNotifier}); the complaint records the
 * escalation and audits both. Each happens once per task, in the timer job's transaction.
 */
@Service
class ComplaintDeadlineAlerts {

    private final ComplaintMapper complaints;
    private final StepNotifier notifier;
    private final AuditLog auditLog;
    private final Clock clock;

    ComplaintDeadlineAlerts(ComplaintMapper complaints, StepNotifier notifier, AuditLog auditLog, Clock clock) {
        this.complaints = complaints;
        this.notifier = notifier;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void remind(Complaint complaint, DelegateExecution execution) {
        for (DelegateTask task : notifier.claim(execution, StepNotifier.Kind.REMINDER)) {
            notifier.tell(task, StepNotifier.Kind.REMINDER, null);
            auditLog.record(ComplaintProcess.RECORD_TYPE, complaint.trackingNo(), "TASK_REMINDED",
                    Map.of("taskKey", task.getTaskDefinitionKey(), "taskId", task.getId()));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void escalate(Complaint complaint, DelegateExecution execution) {
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        for (DelegateTask task : notifier.claim(execution, StepNotifier.Kind.OVERDUE)) {
            LocalDateTime due = task.getDueDate() == null ? null
                    : LocalDateTime.ofInstant(task.getDueDate().toInstant(), clock.getZone());
            complaints.insertEscalation(complaint.id(), task.getTaskDefinitionKey(), task.getName(), task.getId(),
                    task.getAssignee(), due, now);
            notifier.tell(task, StepNotifier.Kind.OVERDUE, null);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("taskKey", task.getTaskDefinitionKey());
            changes.put("taskId", task.getId());
            changes.put("dueAt", due);
            auditLog.record(ComplaintProcess.RECORD_TYPE, complaint.trackingNo(), "TASK_ESCALATED", changes);
        }
    }
}
