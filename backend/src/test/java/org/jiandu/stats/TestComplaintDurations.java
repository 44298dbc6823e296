package org.jiandu.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A statistics section over a known, seeded data set (held here, since the complaint tables belong to
 * another feature): per agency, complaints answered in the period, their handling time in working days
 * and the satisfaction rate. It runs in the shared test context and only reports the agencies the query
 * names, as a real section must.
 */
@Component
class TestComplaintDurations implements StatsSection {

    /** agency, received, answered, satisfaction (满意 / 基本满意 / 不满意). */
    record Seeded(String agency, LocalDate received, LocalDate answered, String satisfaction) {
    }

    static final List<Seeded> DATA = List.of(
            new Seeded("SCJ", LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 9), "满意"),       // 1 working day
            new Seeded("SCJ", LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 10), "基本满意"),  // 5
            new Seeded("SCJ", LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 13), "不满意"),   // 2
            new Seeded("SCJ", LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 17), "满意"),      // 10
            new Seeded("HBJ", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 5), "满意"),       // 4
            new Seeded("HBJ", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 5), "满意"),       // answered next year
            new Seeded("XIAN-SCJ", LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 3), "不满意"));  // 1

    private final WorkingDayDurations durations;

    TestComplaintDurations(WorkingDayDurations durations) {
        this.durations = durations;
    }

    @Override
    public String id() {
        return "test-complaint-durations";
    }

    @Override
    public String title() {
        return "测试·投诉办理用时";
    }

    @Override
    public StatsTable figures(StatsQuery query) {
        List<List<Object>> rows = new ArrayList<>();
        for (String agency : query.agencyCodes()) {
            List<Seeded> answered = DATA.stream().filter(row -> row.agency().equals(agency)
                    && query.period().contains(row.answered())).toList();
            if (answered.isEmpty()) {
                continue;
            }
            WorkingDayDurations.Summary summary = durations.summarize(answered.stream()
                    .map(row -> new WorkingDayDurations.Interval(row.received(), row.answered())).toList());
            long satisfied = answered.stream().filter(row -> !row.satisfaction().equals("不满意")).count();
            rows.add(List.of(agency, summary.count(), summary.average(), summary.p90(),
                    new Rate(satisfied, answered.size())));
        }
        return new StatsTable(List.of("执法部门", "办结件数", "平均用时（工作日）", "90%用时（工作日）", "满意率"), rows,
                List.of("用时按工作日计：自收到之次日起至答复之日止。"));
    }
}
