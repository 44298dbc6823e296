package org.jiandu.escalation;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiandu.audit.AuditLog;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.workflow.StepNotifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ladder's notices: the yellow flag's warning (the agency's step's reminder), the reminder notice's message (its
 * overdue notice) and the public notice's. Whom a step's notice tells is the step's declaration, through the
 * {@link StepNotifier}; the words are the ladder's. The diagrams call {@code ${ladderAlerts.warn(execution)}}
 * (public, so that the expression language can).
 */
@Service("ladderAlerts")
public class LadderAlerts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final EscalationRows rows;
    private final StepNotifier notifier;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    LadderAlerts(EscalationRows rows, StepNotifier notifier, Notifications notifications, AuditLog auditLog, Clock clock) {
        this.rows = rows;
        this.notifier = notifier;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The yellow flag's warning to the agency, from the diagram. */
    @Transactional
    public void warn(DelegateExecution execution) {
        LadderStop stop = LadderStop.of(execution);
        warn(execution, stop.recordType(), stop.recordNo(), stop.agencyCode(), stop.taskName(), stop.due());
    }

    /** The warning before the due date: recorded, and the step's reminder; once per task. */
    void warn(DelegateExecution execution, String recordType, String recordNo, String agencyCode, String taskName,
              Date due) {
        List<DelegateTask> tasks = notifier.claim(execution, StepNotifier.Kind.REMINDER);
        if (tasks.isEmpty()) {
            return;
        }
        rows.insert(recordType, recordNo, agencyCode, "WARNING", taskName, null, null, null, null, null, "system");
        StepNotifier.Text text = new StepNotifier.Text("临期预警：" + taskName,
                recordNo + " 的“" + taskName + "”将于 " + day(due) + " 到期，请抓紧办理。");
        tasks.forEach(task -> notifier.tell(task, StepNotifier.Kind.REMINDER, (audience, t) -> text));
        auditLog.record(recordType, recordNo, "ESCALATION_WARNING", Map.of("task", taskName, "due", day(due)));
    }

    /** The timed step's tasks that have not had their overdue notice (the reminder notice) yet. */
    List<DelegateTask> claimOverdue(DelegateExecution execution) {
        return notifier.claim(execution, StepNotifier.Kind.OVERDUE);
    }

    /** The reminder notice is the step's overdue notice: told to whom the step declares. */
    void reminderNoticeIssued(List<DelegateTask> tasks, String title, String body) {
        StepNotifier.Text text = new StepNotifier.Text(title, body);
        tasks.forEach(task -> notifier.tell(task, StepNotifier.Kind.OVERDUE, (audience, t) -> text));
    }

    /** A public notice (通报) is the agency's to know, not a step's. */
    void publicNoticeIssued(String agencyGroup, String title, String body, String recordType, String recordNo) {
        notifications.notifyGroup(agencyGroup, NotificationKind.INFO, title, body, recordType, recordNo);
    }

    private String day(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate().format(DAY);
    }
}
