package org.jiandu.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;

import org.jiandu.calendar.Workdays;
import org.jiandu.deadline.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The inbox's due-date flags: red when overdue; yellow when close to the due date: due within the warning lead
 * of working days and created before today, so a task never arrives yellow (the rule of
 * {@code EscalationCalendar.flags()}).
 */
@Component
class DueFlags {

    static final String WARNING_POLICY = "escalation.warning";

    private final Workdays workdays;
    private final Deadlines deadlines;
    private final Clock clock;

    DueFlags(Workdays workdays, Deadlines deadlines, Clock clock) {
        this.workdays = workdays;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The flags as of now, for one page of tasks. */
    Flags flags() {
        return new Flags(Date.from(clock.instant()), Date.from(warnBound().atZone(clock.getZone()).toInstant()),
                Date.from(startOfToday().atZone(clock.getZone()).toInstant()));
    }

    /** Due dates before this bound (and not past) carry a yellow flag. */
    LocalDateTime warnBound() {
        return endOfWorkday(deadlines.policy(WARNING_POLICY).days());
    }

    /** Tasks created before this instant may be yellow; those that arrived today are not yet. */
    LocalDateTime startOfToday() {
        return LocalDate.now(clock).atStartOfDay();
    }

    /** The first instant after the given working day's deadlines (which fall at the day's end). */
    LocalDateTime endOfWorkday(int workingDays) {
        LocalDate day = workdays.after(LocalDate.now(clock), workingDays);
        return LocalDateTime.ofInstant(workdays.endOf(day).toInstant(), clock.getZone()).plusSeconds(1);
    }

    record Flags(Date now, Date warnUntil, Date startOfToday) {
        TaskRow.Flag of(Date created, Date due) {
            if (due == null) {
                return TaskRow.Flag.NONE;
            }
            if (due.before(now)) {
                return TaskRow.Flag.RED;
            }
            boolean arrivedToday = created != null && !created.before(startOfToday);
            return due.after(warnUntil) || arrivedToday ? TaskRow.Flag.NONE : TaskRow.Flag.YELLOW;
        }
    }
}
