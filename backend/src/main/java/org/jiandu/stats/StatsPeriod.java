package org.jiandu.stats;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A statistics period: from and to, both days included. */
public record StatsPeriod(LocalDate from, LocalDate to) {

    public StatsPeriod {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A period needs from <= to: " + from + " .. " + to);
        }
    }

    public static StatsPeriod year(int year) {
        return new StatsPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The period's first moment, for queries over date-times: {@code from} at 00:00. */
    public LocalDateTime start() {
        return from.atStartOfDay();
    }

    /** The first moment after the period (exclusive bound): the day after {@code to} at 00:00. */
    public LocalDateTime end() {
        return to.plusDays(1).atStartOfDay();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** {@code 2026-01-01 至 2026-12-31}. */
    public String label() {
        return from + " 至 " + to;
    }
}
