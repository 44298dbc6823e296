package org.jiandu.stats;

/**
 * One section of the statistics and of the annual report (one sheet of the .xlsx): complaints, letters,
 * rectifications, public notices, clue transfers, efficiency. Each feature that owns the figures
 * implements it as a Spring bean, computing them from its own tables for the query's period and agencies.
 */
public interface StatsSection {

    /** A stable id for the URL, e.g. {@code complaints}: {@code GET /api/stats/complaints}. */
    String id();

    /** The title people read, also the sheet's name in the annual report (at most 31 characters). */
    String title();

    /** Where the section stands in the report: lower first. */
    default int order() {
        return 100;
    }

    /** The figures for the period, one row per agency of the query (and a total row where it makes sense). */
    StatsTable figures(StatsQuery query);
}
