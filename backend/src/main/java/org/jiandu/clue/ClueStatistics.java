package org.jiandu.clue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jiandu.identity.Actor;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.jiandu.stats.CountRows;
import org.jiandu.stats.StatsQuery;
import org.jiandu.stats.StatsSection;
import org.jiandu.stats.StatsTable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue-transfer figures of the statistics and the annual report (线索移送统计): per agency concerned,
 * and per category and outcome. Need to know holds here too: a supervisor's figures count only the clues
 * they handle; leads, legal reviewers and auditors count all.
 */
final class ClueStatistics {

    private ClueStatistics() {
    }

    /** Whose clues the caller may count; null: none. Without a logged-in user (the system itself) all. */
    static ClueMapper.Scope scope() {
        Optional<CurrentUser> user = Actor.currentUser();
        if (user.isEmpty()) {
            return ClueMapper.Scope.everything();
        }
        return ClueAccess.scopeOf(user.get()).orElse(null);
    }

    private static List<Long> agencyIds(StatsQuery query) {
        return query.agencies().stream().map(OrgUnit::id).toList();
    }

    private static final List<String> NOTES = List.of(
            "按被监督的执法部门统计；未注明执法部门的线索不计入。",
            "仅计入查看人有权知悉的问题线索（监督员：本人承办的线索）。");

    /** Per agency: proposed, transferred (to the commission / to public security or the procuratorate), outcomes. */
    @Component
    static class ByAgency implements StatsSection {

        private final ClueMapper clues;

        ByAgency(ClueMapper clues) {
            this.clues = clues;
        }

        @Override
        public String id() {
            return "clues";
        }

        @Override
        public String title() {
            return "问题线索移送";
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        @Transactional(readOnly = true)
        public StatsTable figures(StatsQuery query) {
            List<String> headers = List.of("执法部门", "提出移送", "批准移送", "其中移送纪委监委", "其中移送公安机关、检察院",
                    "反馈处理结果", "期末逾期未反馈");
            ClueMapper.Scope scope = scope();
            Map<Long, ClueMapper.AgencyFigures> byAgency = new HashMap<>();
            if (scope != null && !query.agencies().isEmpty()) {
                clues.figuresByAgency(scope, agencyIds(query), query.period().start(), query.period().end(), query.period().to())
                        .forEach(row -> byAgency.put(row.agencyOrgId(), row));
            }
            CountRows rows = new CountRows(6);
            for (OrgUnit agency : query.agencies()) {
                ClueMapper.AgencyFigures row = byAgency.getOrDefault(agency.id(),
                        new ClueMapper.AgencyFigures(agency.id(), 0, 0, 0, 0, 0, 0));
                rows.add(agency.name(), row.proposed(), row.transferred(), row.toCommission(), row.toJudicial(),
                        row.outcomes(), row.overdue());
            }
            return new StatsTable(headers, rows.rows(true), NOTES);
        }
    }

    /** Transfers approved in the period, by category and outcome (处理结果). */
    @Component
    static class ByCategory implements StatsSection {

        private final ClueMapper clues;

        ByCategory(ClueMapper clues) {
            this.clues = clues;
        }

        @Override
        public String id() {
            return "clue-categories";
        }

        @Override
        public String title() {
            return "移送线索类别与处理结果";
        }

        @Override
        public int order() {
            return 51;
        }

        @Override
        @Transactional(readOnly = true)
        public StatsTable figures(StatsQuery query) {
            List<String> headers = new ArrayList<>(List.of("问题线索类别", "批准移送"));
            for (ClueOutcome outcome : ClueOutcome.values()) {
                headers.add(outcome.label());
            }
            headers.add("尚未反馈");
            ClueMapper.Scope scope = scope();
            Map<String, Map<ClueOutcome, Long>> counts = new LinkedHashMap<>();
            Map<String, Long> pending = new HashMap<>();
            if (scope != null && !query.agencies().isEmpty()) {
                for (ClueMapper.CountRow row : clues.transfersByCategory(scope, agencyIds(query), query.period().start(), query.period().end())) {
                    if (row.outcomeKind() == null) {
                        pending.merge(row.categoryCode(), row.n(), Long::sum);
                    } else {
                        counts.computeIfAbsent(row.categoryCode(), code -> new EnumMap<>(ClueOutcome.class))
                                .merge(row.outcomeKind(), row.n(), Long::sum);
                    }
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            long[] total = new long[headers.size() - 1];
            for (ClueCategory category : clues.categories(false)) {
                Map<ClueOutcome, Long> outcomes = counts.getOrDefault(category.code(), Map.of());
                long waiting = pending.getOrDefault(category.code(), 0L);
                long transferred = waiting + outcomes.values().stream().mapToLong(Long::longValue).sum();
                if (transferred == 0 && !category.enabled()) {
                    continue;
                }
                List<Object> cells = new ArrayList<>();
                cells.add(category.name());
                cells.add(transferred);
                total[0] += transferred;
                int column = 1;
                for (ClueOutcome outcome : ClueOutcome.values()) {
                    long n = outcomes.getOrDefault(outcome, 0L);
                    cells.add(n);
                    total[column++] += n;
                }
                cells.add(waiting);
                total[column] += waiting;
                rows.add(cells);
            }
            List<Object> totalRow = new ArrayList<>();
            totalRow.add("合计");
            for (long value : total) {
                totalRow.add(value);
            }
            rows.add(totalRow);
            return new StatsTable(headers, rows, List.of("批准移送日期在统计期内的线索；处理结果为截至查询时的反馈。",
                    NOTES.get(0), NOTES.get(1)));
        }
    }
}
