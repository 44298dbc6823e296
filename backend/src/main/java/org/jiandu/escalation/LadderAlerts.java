package org.jiandu.escalation;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ladder's notices that carry no document: the yellow flag's warning, a task's reminder and its being overdue;
 * the diagrams call them as {@code ${ladderAlerts...(execution)}} (public, so that the expression language can).
 */
@Service("ladderAlerts")
public class LadderAlerts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final EscalationRows rows;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    LadderAlerts(EscalationRows rows, Notifications notifications, AuditLog auditLog, Clock clock) {
        this.rows = rows;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The yellow flag's warning to the agency, from the diagram. */
    @Transactional
    public void warn(DelegateExecution execution) {
        LadderStop stop = LadderStop.of(execution);
        warn(stop.recordType(), stop.recordNo(), stop.agencyCode(), stop.taskName(), stop.due());
    }

    /** A user task's reminder before its due date, from the diagram. */
    @Transactional
    public void remindTask(DelegateExecution execution) {
        LadderStop stop = LadderStop.of(execution);
        remindTask(stop.recordType(), stop.recordNo(), stop.noticeGroup(), stop.taskName());
    }

    /** A user task past its due date, from the diagram. */
    @Transactional
    public void taskOverdue(DelegateExecution execution) {
        LadderStop stop = LadderStop.of(execution);
        taskOverdue(stop.recordType(), stop.recordNo(), stop.noticeGroup(), stop.taskName());
    }

    @Transactional
    public void warn(String recordType, String recordNo, String agencyCode, String taskName, Date due) {
        rows.insert(recordType, recordNo, agencyCode, "WARNING", taskName, null, null, null, null, null, "system");
        notifications.notifyGroup(OrgUnit.groupIdOf(agencyCode), NotificationKind.REMINDER, "临期预警：" + taskName,
                recordNo + " 的“" + taskName + "”将于 " + day(due) + " 到期，请抓紧办理。", recordType, recordNo);
        auditLog.record(recordType, recordNo, "ESCALATION_WARNING", Map.of("task", taskName, "due", day(due)));
    }

    /** A user task's reminder before its due date, to the people who work it. */
    @Transactional
    public void remindTask(String recordType, String recordNo, String group, String taskName) {
        notifications.notifyGroup(group, NotificationKind.REMINDER, "待办即将到期：" + taskName,
                recordNo + " 的“" + taskName + "”即将到期，请及时办理。", recordType, recordNo);
    }

    /** A user task past its due date: its people and the leads are told. */
    @Transactional
    public void taskOverdue(String recordType, String recordNo, String group, String taskName) {
        notifications.notifyGroup(group, NotificationKind.ESCALATION, "待办已超期：" + taskName,
                recordNo + " 的“" + taskName + "”已超过办理期限。", recordType, recordNo);
        notifications.notifyGroup(Role.LEAD.groupId(), NotificationKind.ESCALATION, "超期提醒：" + taskName,
                recordNo + " 的“" + taskName + "”已超过办理期限，请督促办理。", recordType, recordNo);
    }

    private String day(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate().format(DAY);
    }
}
