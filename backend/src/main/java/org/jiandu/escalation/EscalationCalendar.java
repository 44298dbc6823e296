package org.jiandu.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.function.BiFunction;

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

    /**
     * When the yellow flag goes up for a term that starts now (a boundary timer is evaluated as its step starts):
     * 09:00 of the day {@code escalation.warning} working days before the due date, but not before 09:00 of
     * tomorrow (a step never arrives yellow, the rule of {@link #flags()}) and not after the due date itself.
     */
    public Date warningAt(Date due) {
        LocalDate dueDay = due.toInstant().atZone(workdays.zone()).toLocalDate();
        LocalDate day = workdays.after(dueDay, -deadlines.policy(WARNING).days());
        LocalDate tomorrow = LocalDate.now(clock.withZone(workdays.zone())).plusDays(1);
        Date at = Date.from((day.isBefore(tomorrow) ? tomorrow : day).atTime(9, 0).atZone(workdays.zone()).toInstant());
        return at.after(due) ? due : at;
    }

    /** The end of the grace term that a reminder notice at the due date grants. */
    public Date graceEnd(Date due) {
        return deadlines.due(GRACE, due);
    }

    /** The flag of a due date whose term started at {@code since} (null: long ago). */
    public Flag flag(LocalDateTime since, LocalDateTime due) {
        return flags().apply(since, due);
    }

    /**
     * The flag of due dates as of now, for a whole list at once (the calendar is read once), the same rule the
     * lists' filters use. Red when past the due date. Yellow means "close to the due date": due within
     * {@code escalation.warning} working days, and the term started before today. A record never arrives
     * yellow: a step whose whole term is shorter than the warning lead (a 2-day receipt with a 2-day lead)
     * is plain on the day it arrives and turns yellow the next day, instead of being yellow from birth.
     */
    public BiFunction<LocalDateTime, LocalDateTime, Flag> flags() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime bound = yellowBound();
        LocalDateTime today = startedBefore();
        return (since, due) -> due == null ? Flag.NONE
                : now.isAfter(due) ? Flag.RED
                : due.isAfter(bound) || since != null && !since.isBefore(today) ? Flag.NONE
                : Flag.YELLOW;
    }

    /** For SQL filters: only a term that started before this instant (the start of today) can be yellow. */
    public LocalDateTime startedBefore() {
        return LocalDate.now(clock).atStartOfDay();
    }

    /** Due dates for SQL filters: a record is yellow when its due date is before this bound (and not past). */
    public LocalDateTime yellowBound() {
        LocalDate today = LocalDate.now(clock);
        return workdays.after(today, deadlines.policy(WARNING).days()).atTime(23, 59, 59);
    }
}
