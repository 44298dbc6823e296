package org.jiandu.complaint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jiandu.identity.OrgUnit;
import org.jiandu.stats.CountRows;
import org.jiandu.stats.EfficiencyCounts;
import org.jiandu.stats.EfficiencyInput;
import org.jiandu.stats.Rate;
import org.jiandu.stats.StatsQuery;
import org.jiandu.stats.StatsSection;
import org.jiandu.stats.StatsTable;
import org.jiandu.stats.WorkingDayDurations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint figures of the statistics and the annual report (投诉举报办理统计): per agency complained
 * about (received, accepted, replied and on time, handling time in working days, satisfaction), by source
 * and by enforcement field; and the complaints' share of the efficiency figures.
 */
final class ComplaintStatistics {

    private ComplaintStatistics() {
    }

    static final String AGENCY_NOTE = "按被投诉的执法部门统计；未注明执法部门的投诉举报不计入。";

    /** Per agency: received, accepted, replied, on time, handling time, return visits. */
    @Component
    static class ByAgency implements StatsSection {

        private final ComplaintStatsMapper mapper;
        private final WorkingDayDurations durations;

        ByAgency(ComplaintStatsMapper mapper, WorkingDayDurations durations) {
            this.mapper = mapper;
            this.durations = durations;
        }

        @Override
        public String id() {
            return "complaints";
        }

        @Override
        public String title() {
            return "投诉举报办理";
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        @Transactional(readOnly = true)
        public StatsTable figures(StatsQuery query) {
            List<String> headers = List.of("被投诉单位", "收到", "受理", "书面答复", "按期答复", "按期答复率",
                    "平均用时（工作日）", "90%用时（工作日）", "回访", "满意", "基本满意", "不满意", "满意率");
            List<String> agencies = query.agencyCodes();
            Map<String, ComplaintStatsMapper.AgencyCounts> counts = new HashMap<>();
            Map<String, ComplaintStatsMapper.Visits> visits = new HashMap<>();
            Map<String, List<WorkingDayDurations.Interval>> handled = new HashMap<>();
            if (!agencies.isEmpty()) {
                mapper.byAgency(agencies, query.period().start(), query.period().end()).forEach(row -> counts.put(row.agencyCode(), row));
                mapper.returnVisits(agencies, query.period().start(), query.period().end()).forEach(row -> visits.put(row.agencyCode(), row));
                for (ComplaintStatsMapper.Handled row : mapper.handled(agencies, query.period().start(), query.period().end())) {
                    handled.computeIfAbsent(row.agencyCode(), code -> new ArrayList<>()).addAll(Collections.nCopies(
                            (int) row.n(), new WorkingDayDurations.Interval(row.receivedOn(), row.repliedOn())));
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            long[] total = new long[7];
            List<WorkingDayDurations.Interval> allHandled = new ArrayList<>();
            for (OrgUnit agency : query.agencies()) {
                ComplaintStatsMapper.AgencyCounts c = counts.getOrDefault(agency.code(),
                        new ComplaintStatsMapper.AgencyCounts(agency.code(), 0, 0, 0, 0));
                ComplaintStatsMapper.Visits v = visits.getOrDefault(agency.code(),
                        new ComplaintStatsMapper.Visits(agency.code(), 0, 0, 0));
                List<WorkingDayDurations.Interval> intervals = handled.getOrDefault(agency.code(), List.of());
                long[] figures = {c.received(), c.accepted(), c.replied(), c.repliedOnTime(), v.satisfied(),
                        v.basicallySatisfied(), v.unsatisfied()};
                for (int i = 0; i < figures.length; i++) {
                    total[i] += figures[i];
                }
                allHandled.addAll(intervals);
                rows.add(row(agency.name(), figures, durations.summarize(intervals)));
            }
            if (query.agencies().size() > 1) {
                rows.add(row("合计", total, durations.summarize(allHandled)));
            }
            return new StatsTable(headers, rows, List.of(
                    "收到、受理、书面答复：登记、受理、（最后一次）书面答复日期在期间内的件数。",
                    "按期答复：期间内书面答复、答复前各环节均未超期（未被督办）的件数。",
                    "用时按工作日计：自登记之次日起至书面答复之日止，节假日和调休按工作日历；90%用时为不少于九成件数未超过的用时。",
                    "回访：期间内的满意度回访，每次回访计一次；满意率为满意和基本满意占回访次数的比例。",
                    AGENCY_NOTE));
        }

        private static List<Object> row(String name, long[] f, WorkingDayDurations.Summary time) {
            long visits = f[4] + f[5] + f[6];
            List<Object> row = new ArrayList<>(List.of(name, f[0], f[1], f[2], f[3], new Rate(f[3], f[2])));
            row.add(time.average());
            row.add(time.p90());
            row.addAll(List.of(visits, f[4], f[5], f[6], new Rate(f[4] + f[5], visits)));
            return row;
        }
    }

    /** Complaints received in the period by source (来源). */
    @Component
    static class BySource implements StatsSection {

        private final ComplaintStatsMapper mapper;

        BySource(ComplaintStatsMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public String id() {
            return "complaint-sources";
        }

        @Override
        public String title() {
            return "投诉举报来源";
        }

        @Override
        public int order() {
            return 11;
        }

        @Override
        @Transactional(readOnly = true)
        public StatsTable figures(StatsQuery query) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (ComplaintSource source : ComplaintSource.values()) {
                labels.put(source.name(), source.label());
            }
            return received(mapper, "source", query, "来源", labels, Map.of());
        }
    }

    /** Complaints received in the period by enforcement field (执法领域). */
    @Component
    static class ByField implements StatsSection {

        private final ComplaintStatsMapper mapper;

        ByField(ComplaintStatsMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public String id() {
            return "complaint-fields";
        }

        @Override
        public String title() {
            return "投诉举报执法领域";
        }

        @Override
        public int order() {
            return 12;
        }

        @Override
        @Transactional(readOnly = true)
        public StatsTable figures(StatsQuery query) {
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, Boolean> enabled = new HashMap<>();
            for (ComplaintStatsMapper.FieldName field : mapper.fields()) {
                labels.put(field.code(), field.name());
                enabled.put(field.code(), field.enabled());
            }
            return received(mapper, "field", query, "执法领域", labels, enabled);
        }
    }

    /**
     * One row per label (a disabled field only if it has complaints), then the total: received, and of those
     * accepted, not accepted and handed over to the competent authority.
     */
    private static StatsTable received(ComplaintStatsMapper mapper, String dimension, StatsQuery query, String header,
                                       Map<String, String> labels, Map<String, Boolean> enabled) {
        Map<String, ComplaintStatsMapper.Received> counts = query.agencies().isEmpty() ? Map.of()
                : mapper.received(dimension, query.agencyCodes(), query.period().start(), query.period().end()).stream()
                        .collect(Collectors.toMap(ComplaintStatsMapper.Received::code, Function.identity()));
        CountRows rows = new CountRows(4);
        for (Map.Entry<String, String> label : labels.entrySet()) {
            ComplaintStatsMapper.Received row = counts.get(label.getKey());
            if (row == null && !enabled.getOrDefault(label.getKey(), true)) {
                continue;
            }
            rows.add(label.getValue(), row == null ? new long[4]
                    : new long[] {row.received(), row.accepted(), row.notAccepted(), row.handedOver()});
        }
        return new StatsTable(List.of(header, "收到", "其中受理", "其中不予受理", "其中转交有权机关"), rows.rows(true),
                List.of("期间内登记的投诉举报；受理、不予受理、转交为截至查询时的审查结果。", AGENCY_NOTE));
    }

    /** The complaints' share of the efficiency figures: quality (closed, unfounded) and satisfaction (return visits). */
    @Component
    static class Efficiency implements EfficiencyInput {

        private final ComplaintStatsMapper mapper;

        Efficiency(ComplaintStatsMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        @Transactional(readOnly = true)
        public Map<String, EfficiencyCounts> efficiencyCounts(StatsQuery query) {
            Map<String, EfficiencyCounts> counts = new HashMap<>();
            if (query.agencies().isEmpty()) {
                return counts;
            }
            for (ComplaintStatsMapper.Concluded row : mapper.concluded(query.agencyCodes(), query.period().start(), query.period().end())) {
                counts.merge(row.agencyCode(), EfficiencyCounts.matters(row.concluded(), row.unfounded()),
                        EfficiencyCounts::plus);
            }
            for (ComplaintStatsMapper.Visits row : mapper.returnVisits(query.agencyCodes(), query.period().start(), query.period().end())) {
                counts.merge(row.agencyCode(), EfficiencyCounts.returnVisits(row.total(), row.satisfied(),
                        row.basicallySatisfied()), EfficiencyCounts::plus);
            }
            return counts;
        }
    }
}
