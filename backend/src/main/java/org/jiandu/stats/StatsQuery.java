package org.jiandu.stats;

import java.util.List;

import org.jiandu.identity.OrgUnit;

/**
 * What a section counts: a period, the caller's jurisdiction, and the agencies to count (every agency
 * of the jurisdiction, or the one asked for). Sections never count agencies outside {@link #agencies()}.
 */
public record StatsQuery(StatsPeriod period, OrgUnit jurisdiction, List<OrgUnit> agencies) {

    public StatsQuery {
        agencies = List.copyOf(agencies);
    }

    public List<String> agencyCodes() {
        return agencies.stream().map(OrgUnit::code).toList();
    }
}
