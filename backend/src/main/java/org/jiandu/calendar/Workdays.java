package org.jiandu.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.jiandu.platform.PerTransaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar: Monday to Friday, minus statutory holidays, plus make-up workdays, with an
 * admin's exceptions taking precedence over both. Used from services, BPMN expressions
 * ({@code ${workdays.add(now(), 5)}}) and reports.
 *
 * <p>"N working days after D" is the N-th working day after D; for N = 0 it is D itself when D is a
 * working day, else the next working day (a deadline that ends on a day off moves to the next working
 * day). Negative N counts back. A deadline is the end of its day.
 */
@Component("workdays")
public class Workdays {

    /**
     * The exception windows read in the current transaction (a completion computes a due date and two timers from
     * the same day); {@link CalendarAdmin} forgets them when it changes an exception.
     */
    static final Object CACHE = new Object();

    /** How many days of exceptions one query loads at least, on either side of the first date asked. */
    private static final int WINDOW_DAYS = 400;

    /**
     * The first window of a computation is the same for every date of one stretch of this many days (counted from
     * 1970-01-01), so that a due date and its reminder, counted back from it, share one query in a transaction.
     */
    private static final int ALIGN_DAYS = 100;

    private final StatutoryCalendar statutory;
    private final CalendarExceptionMapper exceptions;
    private final ZoneId zone;

    public Workdays(StatutoryCalendar statutory, CalendarExceptionMapper exceptions,
                    @Value("${jiandu.zone}") String zone) {
        this.statutory = statutory;
        this.exceptions = exceptions;
        this.zone = ZoneId.of(zone);
    }

    /** For BPMN expressions: the end (23:59:59) of the N-th working day after the given instant's date. */
    public Date add(Date from, int days) {
        LocalDate date = after(from.toInstant().atZone(zone).toLocalDate(), days);
        return endOf(date);
    }

    /** The N-th working day after a date (N = 0: the date, or the next working day if it is a day off). */
    public LocalDate after(LocalDate from, int days) {
        Days calendar = new Days(from);
        LocalDate date = from;
        if (days == 0) {
            while (!calendar.isWorkday(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        int step = days > 0 ? 1 : -1;
        int remaining = Math.abs(days);
        while (remaining > 0) {
            date = date.plusDays(step);
            if (calendar.isWorkday(date)) {
                remaining--;
            }
        }
        return date;
    }

    /** The deadline N calendar days after a date; a deadline that falls on a day off moves to the next working day. */
    public LocalDate afterCalendarDays(LocalDate from, int days) {
        return after(from.plusDays(days), 0);
    }

    /** Working days from {@code start} (exclusive) to {@code end} (inclusive); negative if end is before start. */
    public int between(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            return -between(end, start);
        }
        Days calendar = new Days(start);
        int count = 0;
        for (LocalDate date = start.plusDays(1); !date.isAfter(end); date = date.plusDays(1)) {
            if (calendar.isWorkday(date)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Working days from the first of {@code dates} (exclusive) to each of them (inclusive), in one walk of the
     * calendar: the admin's exceptions are read a window at a time, not once per date (the statistics ask this for
     * every distinct date of a year's matters).
     */
    public Map<LocalDate, Integer> fromFirst(SortedSet<LocalDate> dates) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        if (dates.isEmpty()) {
            return counts;
        }
        Days calendar = new Days(dates.first());
        LocalDate walked = dates.first();
        int count = 0;
        for (LocalDate date : dates) {
            while (walked.isBefore(date)) {
                walked = walked.plusDays(1);
                if (calendar.isWorkday(walked)) {
                    count++;
                }
            }
            counts.put(date, count);
        }
        return counts;
    }

    public boolean isWorkday(LocalDate date) {
        return new Days(date).isWorkday(date);
    }

    /** Where a date's kind comes from, for people checking the calendar. */
    public DayInfo describe(LocalDate date) {
        Optional<CalendarException> exception = exceptions.find(date);
        if (exception.isPresent()) {
            return new DayInfo(date, exception.get().kind() == DayKind.WORKDAY, "EXCEPTION", exception.get().name());
        }
        Optional<DayKind> kind = statutory.kindOf(date);
        if (kind.isPresent()) {
            String source = statutory.published(date.getYear()) ? "STATUTORY" : "PROVISIONAL_RULE";
            return new DayInfo(date, kind.get() == DayKind.WORKDAY, source, null);
        }
        return new DayInfo(date, !weekend(date), "WEEKLY_RULE", null);
    }

    /**
     * A year is provisional when tyme4j has no published arrangement for it and no admin has confirmed
     * that the published arrangement was entered as exceptions.
     */
    public boolean provisional(int year) {
        return !statutory.published(year) && !exceptions.confirmedYears(year, year).contains(year);
    }

    public boolean anyProvisional(int fromYear, int toYear) {
        int low = Math.min(fromYear, toYear);
        int high = Math.max(fromYear, toYear);
        List<Integer> confirmed = exceptions.confirmedYears(low, high);
        for (int year = low; year <= high; year++) {
            if (!statutory.published(year) && !confirmed.contains(year)) {
                return true;
            }
        }
        return false;
    }

    public Date endOf(LocalDate date) {
        return Date.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant());
    }

    public ZoneId zone() {
        return zone;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * The admin's exceptions, loaded a window at a time: first the aligned window around the first date (at least
     * {@link #WINDOW_DAYS} on either side), then further in the direction of travel. One query per window.
     */
    private final class Days {
        private final Map<LocalDate, DayKind> loaded = new HashMap<>();
        private LocalDate windowStart;
        private LocalDate windowEnd;

        Days(LocalDate from) {
            LocalDate stretch = LocalDate.ofEpochDay(Math.floorDiv(from.toEpochDay(), ALIGN_DAYS) * ALIGN_DAYS);
            load(stretch.minusDays(WINDOW_DAYS), stretch.plusDays(ALIGN_DAYS + WINDOW_DAYS));
        }

        boolean isWorkday(LocalDate date) {
            if (date.isAfter(windowEnd)) {
                load(windowEnd.plusDays(1), date.plusDays(WINDOW_DAYS));
            } else if (date.isBefore(windowStart)) {
                load(date.minusDays(WINDOW_DAYS), windowStart.minusDays(1));
            }
            DayKind exception = loaded.get(date);
            if (exception != null) {
                return exception == DayKind.WORKDAY;
            }
            return statutory.kindOf(date).map(kind -> kind == DayKind.WORKDAY).orElseGet(() -> !weekend(date));
        }

        private void load(LocalDate start, LocalDate end) {
            List<CalendarException> window = PerTransaction.get(CACHE, List.of(start, end),
                    () -> exceptions.findBetween(start, end));
            for (CalendarException exception : window) {
                loaded.put(exception.exceptionDate(), exception.kind());
            }
            windowStart = windowStart == null || start.isBefore(windowStart) ? start : windowStart;
            windowEnd = windowEnd == null || end.isAfter(windowEnd) ? end : windowEnd;
        }
    }

    /** One day of the calendar and why it is (not) worked. */
    public record DayInfo(LocalDate date, boolean workday, String source, String name) {
    }
}
