package org.jiandu.rectification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.identity.OrgUnit;
import org.jiandu.stats.CountRows;
import org.jiandu.stats.EfficiencyCounts;
import org.jiandu.stats.EfficiencyInput;
import org.jiandu.stats.StatsQuery;
import org.jiandu.stats.StatsSection;
import org.jiandu.stats.StatsTable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics section {@code rectifications} (整改情况): per agency, rectifications started, completions
 * reported, verifications passed and failed, and deadlines missed; and the rectifications' share of the
 * efficiency figures (duties due and discharged on time).
 */
@Component
class RectificationStatistics implements StatsSection, EfficiencyInput {

    private final RectificationStatsMapper mapper;
    private final Clock clock;

    RectificationStatistics(RectificationStatsMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "rectifications";
    }

    @Override
    public String title() {
        return "整改情况";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional(readOnly = true)
    public StatsTable figures(StatsQuery query) {
        List<String> headers = List.of("被监督单位", "启动整改", "报告完成", "验收通过", "验收不通过", "逾期未完成");
        Map<String, RectificationStatsMapper.Counts> counts = new HashMap<>();
        if (!query.agencies().isEmpty()) {
            mapper.byAgency(query.agencyCodes(), query.period().start(), query.period().end(), now())
                    .forEach(row -> counts.put(row.agencyCode(), row));
        }
        CountRows rows = new CountRows(5);
        for (OrgUnit agency : query.agencies()) {
            RectificationStatsMapper.Counts c = counts.get(agency.code());
            rows.add(agency.name(), c == null ? new long[5]
                    : new long[] {c.started(), c.completed(), c.verified(), c.failedVerifications(), c.overdue()});
        }
        return new StatsTable(headers, rows.rows(query.agencies().size() > 1), List.of(
                "启动整改：期间内因监督建议书启动的整改；报告完成：期间内报送整改完成报告的整改；验收通过：期间内验收通过的整改。",
                "验收不通过：期间内验收不通过的次数（同一整改可有多次）。",
                "逾期未完成：整改完成期限在期间内届满（且已届满）、期限内未报送完成报告的整改。"));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, EfficiencyCounts> efficiencyCounts(StatsQuery query) {
        Map<String, EfficiencyCounts> counts = new HashMap<>();
        if (!query.agencies().isEmpty()) {
            mapper.duties(query.agencyCodes(), query.period().start(), query.period().end(), now())
                    .forEach(row -> counts.put(row.agencyCode(), EfficiencyCounts.duties(row.due(), row.onTime())));
        }
        return counts;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
