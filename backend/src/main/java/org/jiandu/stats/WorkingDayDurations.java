package org.jiandu.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jiandu.calendar.Workdays;
import org.springframework.stereotype.Component;

/**
 * Handling times in working days (办理用时), the way deadlines count them: from the day a matter started
 * (exclusive) to the day it ended (inclusive), weekends, holidays and make-up workdays as the calendar
 * says. A complaint received on Friday and answered on Monday took 1 working day; one answered on the
 * day it came in took 0.
 */
@Component
public class WorkingDayDurations {

    private final Workdays workdays;

    public WorkingDayDurations(Workdays workdays) {
        this.workdays = workdays;
    }

    public int of(LocalDate start, LocalDate end) {
        return workdays.between(start, end);
    }

    /**
     * Count, average (one decimal, half up), 90th percentile (nearest rank: the smallest duration that at
     * least 90 % of the matters did not exceed) and maximum of some matters' durations.
     */
    public Summary summarize(Collection<Interval> intervals) {
        List<Integer> days = durations(intervals);
        if (days.isEmpty()) {
            return new Summary(0, null, null, null);
        }
        days.sort(Integer::compare);
        long total = days.stream().mapToLong(Integer::longValue).sum();
        BigDecimal average = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
        int rank = (int) Math.ceil(0.9 * days.size());
        return new Summary(days.size(), average, days.get(rank - 1), days.get(days.size() - 1));
    }

    /**
     * The durations of many matters with one calendar walk over all their dates, not one per matter or per
     * date: the working days from the earliest date up to each date, then differences.
     */
    private List<Integer> durations(Collection<Interval> intervals) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        intervals.forEach(interval -> {
            dates.add(interval.start());
            dates.add(interval.end());
        });
        Map<LocalDate, Integer> fromFirst = workdays.fromFirst(dates);
        List<Integer> days = new ArrayList<>(intervals.size());
        intervals.forEach(interval -> days.add(fromFirst.get(interval.end()) - fromFirst.get(interval.start())));
        return days;
    }

    /** A matter's start and end dates. */
    public record Interval(LocalDate start, LocalDate end) {

        public Interval {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("A matter cannot end before it starts: " + start + " .. " + end);
            }
        }
    }

    /** Durations in working days; average, p90 and max are null when there were no matters. */
    public record Summary(int count, BigDecimal average, Integer p90, Integer max) {
    }
}
