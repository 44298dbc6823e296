package org.jiandu.escalation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.identity.OrgUnit;
import org.jiandu.stats.StatsQuery;
import org.jiandu.stats.StatsSection;
import org.jiandu.stats.StatsTable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics section {@code public-notices} (通报): per agency, the public notices issued on it in the
 * period, by the kind of record they were about, and the date of the last. Reminder notices (催办) and
 * 督办 decisions are counted in the {@code letters} section, not here.
 */
@Component
class PublicNoticeStatistics implements StatsSection {

    private final PublicNoticeStatsMapper mapper;

    PublicNoticeStatistics(PublicNoticeStatsMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String id() {
        return "public-notices";
    }

    @Override
    public String title() {
        return "通报情况";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional(readOnly = true)
    public StatsTable figures(StatsQuery query) {
        Map<String, PublicNoticeStatsMapper.Counts> counts = new HashMap<>();
        if (!query.agencies().isEmpty()) {
            mapper.byAgency(query.agencyCodes(), query.period().start(),
                    query.period().end()).forEach(row -> counts.put(row.agencyCode(), row));
        }
        List<List<Object>> rows = new ArrayList<>();
        long[] total = new long[3];
        for (OrgUnit agency : query.agencies()) {
            PublicNoticeStatsMapper.Counts c = counts.get(agency.code());
            long[] figures = c == null ? new long[3] : new long[] {c.notices(), c.letters(), c.rectifications()};
            for (int i = 0; i < figures.length; i++) {
                total[i] += figures[i];
            }
            List<Object> row = new ArrayList<>(List.of(agency.name(), figures[0], figures[1], figures[2]));
            row.add(c == null || c.latest() == null ? null : c.latest().toLocalDate());
            rows.add(row);
        }
        if (query.agencies().size() > 1) {
            List<Object> row = new ArrayList<>(List.of("合计", total[0], total[1], total[2]));
            row.add(null);
            rows.add(row);
        }
        return new StatsTable(List.of("被通报单位", "通报", "其中监督建议书逾期", "其中整改逾期", "最近通报日期"), rows,
                List.of("期间内对执法部门发出的通报（经催办、督办后仍未办理的）；催办通知和督办见“监督建议书与整改”表。"));
    }
}
