package org.jiandu.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.function.Function;

import org.jiandu.calendar.Workdays;
import org.jiandu.deadline.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The dates of the ladder, usable from BPMN ({@code ${escalation.warningAt(replyDue)}},
 * {@code ${escalation.graceEnd(replyDue)}}) and from lists: the yellow flag starts {@code escalation.warning}
 * working days before the due date, red is past it, and the grace of a reminder notice is
 * {@code escalation.grace} working days.
 */
@Component("escalation")
public class EscalationCalendar {

    static final String WARNING = "escalation.warning";
    static final String GRACE = "escalation.grace";

    private final Deadlines deadlines;
    private final Workdays workdays;
    private final Clock clock;

    public EscalationCalendar(Deadlines deadlines, Workdays workdays, Clock clock) {
        this.deadlines = deadlines;
        this.workdays = workdays;
        this.clock = clock;
    }

    /** When the yellow flag goes up: 09:00 of the day {@code escalation.warning} working days before the due date. */
    public Date warningAt(Date due) {
        LocalDate dueDay = due.toInstant().atZone(workdays.zone()).toLocalDate();
        LocalDate day = workdays.after(dueDay, -deadlines.policy(WARNING).days());
        return Date.from(day.atTime(9, 0).atZone(workdays.zone()).toInstant());
    }

    /** The end of the grace term that a reminder notice at the due date grants. */
    public Date graceEnd(Date due) {
        return deadlines.due(GRACE, due);
    }

    public Flag flag(LocalDateTime due) {
        return flags().apply(due);
    }

    /**
     * The flag of due dates as of now, for a whole list at once (the calendar is read once): red when past,
     * yellow when due within {@code escalation.warning} working days, the same rule the lists' filters use.
     */
    public Function<LocalDateTime, Flag> flags() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime bound = yellowBound();
        return due -> due == null ? Flag.NONE : now.isAfter(due) ? Flag.RED : due.isAfter(bound) ? Flag.NONE : Flag.YELLOW;
    }

    /** Due dates for SQL filters: a record is yellow when its due date is before this bound (and not past). */
    public LocalDateTime yellowBound() {
        LocalDate today = LocalDate.now(clock);
        return workdays.after(today, deadlines.policy(WARNING).days()).atTime(23, 59, 59);
    }
}
