package org.jiandu.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiandu.audit.AuditLog;
import org.jiandu.calendar.Workdays;
import org.jiandu.deadline.Deadlines;
import org.jiandu.identity.OrgUnit;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.Audience;
import org.jiandu.workflow.ProcessTasks;
import org.jiandu.workflow.RecordAccess;
import org.jiandu.workflow.StepNotifier;
import org.springframework.stereotype.Component;

/**
 * What the rectification's process records as it moves, called by the diagrams ({@code ${rectificationSteps...}};
 * public, so that the expression language can call it): its start, each
 * step's completion (validated and recorded by the step's completion listener, so a task completed in Tasklist is
 * checked and recorded the same way), a missed progress report, and its end. Its opening from the letter's process is
 * {@link NewRectifications}'.
 */
@Component("rectificationSteps")
public class RectificationSteps {

    private final RectificationMapper mapper;
    private final ProcessTasks tasks;
    private final Deadlines deadlines;
    private final Workdays workdays;
    private final Notifications notifications;
    private final StepNotifier notifier;
    private final AuditLog auditLog;
    private final Clock clock;

    RectificationSteps(RectificationMapper mapper, ProcessTasks tasks, Deadlines deadlines, Workdays workdays,
                       Notifications notifications, StepNotifier notifier, AuditLog auditLog, Clock clock) {
        this.mapper = mapper;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.workdays = workdays;
        this.notifications = notifications;
        this.notifier = notifier;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Start of the rectification's process: the plan's due date on the record. */
    public void started(DelegateExecution execution) {
        RectificationRow row = rectificationOf(execution);
        Date planDue = (Date) execution.getVariable(RectificationProcess.PLAN_DUE);
        mapper.planDue(row.id(), local(planDue));
    }

    /** The rectification a process instance works on: the one its business key numbers, never one a variable names. */
    RectificationRow rectificationOf(DelegateExecution execution) {
        return RecordAccess.ofProcess(execution, mapper::findByNo, "rectification");
    }

    /** Completion of any of the rectification's user tasks: validates what the step needs and records it. */
    public void completed(DelegateTask task) {
        RectificationRow row = rectificationOf(task.getExecution());
        long id = row.id();
        String actor = tasks.actorId();
        LocalDateTime now = now();
        boolean late = task.getDueDate() != null && now.isAfter(local(task.getDueDate()));
        switch (RectificationStep.of(task.getTaskDefinitionKey())) {
            case SUBMIT_PLAN -> {
                String planText = ProcessTasks.requiredText(task, RectificationProcess.PLAN_TEXT, "整改措施");
                Object cycle = task.getVariable(RectificationProcess.REPORT_CYCLE_DAYS);
                if (!(cycle instanceof Number days) || days.intValue() < 1 || days.intValue() > 60) {
                    throw ApiException.badRequest("INVALID_REPORT_CYCLE", "进展报告周期须为 1 至 60 个工作日。");
                }
                LocalDate completion = completionDate(ProcessTasks.requiredText(task, RectificationProcess.COMPLETION_DATE, "计划完成日期"));
                if (!completion.isAfter(LocalDate.now(clock))) {
                    throw ApiException.badRequest("COMPLETION_IN_PAST", "计划完成日期须晚于今天。");
                }
                Date completionDue = workdays.endOf(workdays.after(completion, 0));
                task.getExecution().setVariable(RectificationProcess.COMPLETION_DUE, completionDue);
                mapper.plan(id, planText, days.intValue(), local(completionDue), local(workdays.add(toDate(now), days.intValue())));
                mapper.insertEntry(id, "PLAN", planText, false, late, actor, now);
                auditLog.record(RectificationService.RECORD, row.rectificationNo(), "PLAN_SUBMITTED", Map.of("reportCycleDays", days.intValue(),
                        "completionDue", completion.toString(), "late", late));
            }
            case REPORT_PROGRESS -> {
                String text = ProcessTasks.requiredText(task, RectificationProcess.PROGRESS_TEXT, "进展情况");
                mapper.insertEntry(id, "PROGRESS", text, false, late, actor, now);
                mapper.nextReportDue(id, local(workdays.add(toDate(now), row.reportCycleDays())));
                auditLog.record(RectificationService.RECORD, row.rectificationNo(), "PROGRESS_REPORTED", Map.of("late", late));
            }
            case SUBMIT_COMPLETION -> {
                String text = ProcessTasks.requiredText(task, RectificationProcess.COMPLETION_TEXT, "完成情况");
                mapper.insertEntry(id, "COMPLETION", text, false, late, actor, now);
                mapper.status(id, RectificationStatus.VERIFYING.name());
                auditLog.record(RectificationService.RECORD, row.rectificationNo(), "COMPLETION_REPORTED", Map.of("late", late));
            }
            case VERIFY -> {
                boolean passed = ProcessTasks.requiredDecision(task, RectificationProcess.VERIFICATION_PASSED, "验收结论");
                String reason = ProcessTasks.requiredText(task, RectificationProcess.REASON, "验收意见");
                boolean onsite = Boolean.TRUE.equals(task.getVariable(RectificationProcess.ONSITE_CHECK));
                if (task.getVariable(RectificationProcess.ONSITE_CHECK) != null) {
                    task.removeVariable(RectificationProcess.ONSITE_CHECK);
                }
                mapper.insertEntry(id, passed ? "VERIFIED" : "VERIFICATION_FAILED", reason, onsite, false, actor, now);
                if (!passed) {
                    Date due = deadlines.due("rectification.redo", toDate(now));
                    task.getExecution().setVariable(RectificationProcess.COMPLETION_DUE, due);
                    mapper.reopen(id, local(due));
                    notifications.notifyGroup(OrgUnit.groupIdOf(row.agencyCode()), NotificationKind.RETURNED,
                            "整改验收未通过：" + row.rectificationNo(), reason, RectificationService.RECORD, row.rectificationNo());
                }
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("passed", passed);
                changes.put(RectificationProcess.ONSITE_CHECK, onsite);
                changes.put(RectificationProcess.REASON, reason);
                auditLog.record(RectificationService.RECORD, row.rectificationNo(), passed ? "VERIFICATION_PASSED" : "VERIFICATION_FAILED", changes);
            }
            default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
        }
    }

    /**
     * A progress report fell due without arriving: recorded as missed, and told as the step declares (the agency urged,
     * the supervisors asked to follow it); once per report.
     */
    public void progressReportOverdue(DelegateExecution execution) {
        List<DelegateTask> overdue = notifier.claim(execution, StepNotifier.Kind.OVERDUE);
        if (overdue.isEmpty()) {
            return;
        }
        RectificationRow row = rectificationOf(execution);
        long id = row.id();
        mapper.insertEntry(id, "PROGRESS_OVERDUE", null, false, true, "system", now());
        String title = "整改进展报告逾期：" + row.rectificationNo();
        overdue.forEach(task -> notifier.tell(task, StepNotifier.Kind.OVERDUE, (audience, t) -> new StepNotifier.Text(
                title, audience == Audience.WORKERS ? "本周期整改进展报告已逾期，请立即报送。"
                        : row.agencyCode() + " 未按周期报送整改进展。")));
        auditLog.record(RectificationService.RECORD, row.rectificationNo(), "PROGRESS_REPORT_OVERDUE", Map.of("due",
                String.valueOf(row.nextReportDue())));
    }

    /** The end of the rectification's process: the record is closed. */
    public void closed(DelegateExecution execution) {
        RectificationRow row = rectificationOf(execution);
        long id = row.id();
        mapper.close(id, now());
        auditLog.record(RectificationService.RECORD, row.rectificationNo(), "RECTIFICATION_CLOSED", Map.of("status",
                AuditLog.change(row.status(), RectificationStatus.CLOSED.name())));
    }

    private static LocalDate completionDate(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE", "计划完成日期格式应为 yyyy-MM-dd。");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private Date toDate(LocalDateTime time) {
        return Date.from(time.atZone(clock.getZone()).toInstant());
    }

    private LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), clock.getZone());
    }
}
