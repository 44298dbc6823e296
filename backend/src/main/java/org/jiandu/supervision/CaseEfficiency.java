package org.jiandu.supervision;

import java.util.Map;
import java.util.stream.Collectors;

import org.jiandu.stats.EfficiencyCounts;
import org.jiandu.stats.EfficiencyInput;
import org.jiandu.stats.StatsQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The supervision cases' share of 执法质量: cases closed in the period, and those closed with no finding. */
@Component
class CaseEfficiency implements EfficiencyInput {

    private final CaseStatsMapper mapper;

    CaseEfficiency(CaseStatsMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, EfficiencyCounts> efficiencyCounts(StatsQuery query) {
        if (query.agencies().isEmpty()) {
            return Map.of();
        }
        return mapper.concluded(query.agencyCodes(), query.period().start(),
                        query.period().end()).stream()
                .collect(Collectors.toMap(CaseStatsMapper.Concluded::agencyCode,
                        row -> EfficiencyCounts.matters(row.concluded(), row.withoutFinding())));
    }
}
