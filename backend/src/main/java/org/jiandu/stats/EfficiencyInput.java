package org.jiandu.stats;

import java.util.Map;

/**
 * What a feature contributes to the efficiency figures (效能评价), computed from its own tables: per agency
 * code of {@link StatsQuery#agencyCodes()}, its counts for the query's period. Agencies with nothing to
 * count may be left out. Implemented as a Spring bean by letters, rectifications, complaints and cases.
 */
public interface EfficiencyInput {

    Map<String, EfficiencyCounts> efficiencyCounts(StatsQuery query);
}
