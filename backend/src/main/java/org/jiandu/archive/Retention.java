package org.jiandu.archive;

import java.time.LocalDateTime;
import java.time.Period;

/**
 * The retention periods of 文书档案 (保管期限): 10 years, 30 years, permanent. A record's period is both how long
 * the engine keeps its history ({@code historyTimeToLive}) and the classification written into its archive package.
 */
public enum Retention {
    TEN_YEARS("10年", Period.ofYears(10)),
    THIRTY_YEARS("30年", Period.ofYears(30)),
    PERMANENT("永久", null);

    private final String label;
    private final Period period;

    Retention(String label, Period period) {
        this.label = label;
        this.period = period;
    }

    public String label() {
        return label;
    }

    /**
     * The engine's history time to live in days. A permanent record's archive package is kept for ever; the
     * engine, which requires a time to live of every process, keeps its history as long as the longest finite
     * period: what an auditor proves after that comes from the archive.
     */
    public int historyDays() {
        int years = period == null ? THIRTY_YEARS.period.getYears() : period.getYears();
        // a leap day every 4 years, so that no record is removed a day early
        return years * 365 + (years + 3) / 4;
    }

    /** Until when a record closed at the given time is kept, or null when permanently. */
    public LocalDateTime keptUntil(LocalDateTime closedAt) {
        return period == null || closedAt == null ? null : closedAt.plus(period);
    }
}
