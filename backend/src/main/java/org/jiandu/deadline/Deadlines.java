package org.jiandu.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.calendar.Workdays;
import org.jiandu.identity.Actor;
import org.jiandu.platform.PerTransaction;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines from the policies, read fresh in every transaction (once: {@link PerTransaction}) so that an admin's
 * change applies to the next deadline computed on any node. Usable from BPMN: {@code ${deadlines.due('complaint.acceptance', now())}}
 * and {@code ${deadlines.reminder('complaint.acceptance', now())}}.
 */
@Service("deadlines")
public class Deadlines {

    /** Reminders go out at the start of the working day. */
    private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final DeadlinePolicyMapper policies;
    private final Workdays workdays;
    private final AuditLog auditLog;
    private final Clock clock;

    Deadlines(DeadlinePolicyMapper policies, Workdays workdays, AuditLog auditLog, Clock clock) {
        this.policies = policies;
        this.workdays = workdays;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public DeadlinePolicy policy(String key) {
        return PerTransaction.get(this, key, () -> policies.find(key)).orElseThrow(() -> ApiException.notFound("DEADLINE_POLICY_NOT_FOUND",
                "期限规则 " + key + " 不存在。"));
    }

    public List<DeadlinePolicy> all() {
        return policies.findAll();
    }

    /** The due date (end of day) of a policy's deadline counted from an instant. */
    public Date due(String key, Date from) {
        return workdays.endOf(dueDate(key, toLocal(from)));
    }

    /** The due date of a policy's deadline counted from a date. */
    public LocalDate dueDate(String key, LocalDate from) {
        return dueDate(policy(key), from, 0);
    }

    /** The due date with a term that overrides the policy's number of days (e.g. a letter that sets its own term). */
    public Date dueWithDays(String key, Date from, int days) {
        return workdays.endOf(dueDate(policy(key), toLocal(from), days));
    }

    /** When the reminder of a policy's deadline goes out: its reminder lead in working days before the due date, at 09:00. */
    public Date reminder(String key, Date from) {
        DeadlinePolicy policy = policy(key);
        return reminderBefore(policy, dueDate(policy, toLocal(from), 0));
    }

    /** The reminder for a known due date. */
    public Date reminderBefore(String key, Date due) {
        return reminderBefore(policy(key), toLocal(due));
    }

    private Date reminderBefore(DeadlinePolicy policy, LocalDate due) {
        LocalDate day = policy.reminderDays() == 0 ? due : workdays.after(due, -policy.reminderDays());
        return Date.from(day.atTime(REMINDER_TIME).atZone(workdays.zone()).toInstant());
    }

    private LocalDate dueDate(DeadlinePolicy policy, LocalDate from, int overrideDays) {
        int days = overrideDays > 0 ? overrideDays : policy.days();
        return policy.dayKind() == DeadlinePolicy.DayCount.WORKING
                ? workdays.after(from, days)
                : workdays.afterCalendarDays(from, days);
    }

    private LocalDate toLocal(Date date) {
        return date.toInstant().atZone(workdays.zone()).toLocalDate();
    }

    @Transactional
    DeadlinePolicy update(String key, String description, int days, DeadlinePolicy.DayCount dayKind, int reminderDays) {
        DeadlinePolicy before = policy(key);
        if (reminderDays > days && dayKind == DeadlinePolicy.DayCount.WORKING) {
            throw ApiException.badRequest("REMINDER_AFTER_START", "提醒提前量不能超过期限本身的天数。");
        }
        String newDescription = description == null || description.isBlank() ? before.description() : description.strip();
        policies.update(key, newDescription, days, dayKind, reminderDays, Actor.current().userId(),
                LocalDateTime.now(clock).withNano(0));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (before.days() != days) {
            changes.put("days", AuditLog.change(before.days(), days));
        }
        if (before.dayKind() != dayKind) {
            changes.put("dayKind", AuditLog.change(before.dayKind(), dayKind));
        }
        if (before.reminderDays() != reminderDays) {
            changes.put("reminderDays", AuditLog.change(before.reminderDays(), reminderDays));
        }
        if (!before.description().equals(newDescription)) {
            changes.put("description", AuditLog.change(before.description(), newDescription));
        }
        auditLog.record("DEADLINE_POLICY", key, "POLICY_CHANGED", changes);
        PerTransaction.forget(this);
        return policy(key);
    }
}
