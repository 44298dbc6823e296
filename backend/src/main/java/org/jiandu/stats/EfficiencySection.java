package org.jiandu.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.identity.OrgUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics section {@code efficiency} (行政执法效能评价): the three Ezhou figures per agency, 监管履行率,
 * 执法质量 and 社会满意度, from the counts the features contribute ({@link EfficiencyInput}).
 */
@Component
class EfficiencySection implements StatsSection {

    private final List<EfficiencyInput> inputs;

    EfficiencySection(ObjectProvider<EfficiencyInput> inputs) {
        this.inputs = inputs.orderedStream().toList();
    }

    @Override
    public String id() {
        return "efficiency";
    }

    @Override
    public String title() {
        return "行政执法效能评价";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    @Transactional(readOnly = true)
    public StatsTable figures(StatsQuery query) {
        List<String> headers = List.of("执法部门", "到期监管职责", "按期履行", "监管履行率", "办结投诉和监督案件",
                "未发现违法或不当执法", "执法质量", "回访", "满意和基本满意", "社会满意度");
        Map<String, EfficiencyCounts> byAgency = new HashMap<>();
        if (!query.agencies().isEmpty()) {
            for (EfficiencyInput input : inputs) {
                input.efficiencyCounts(query).forEach((agency, counts) -> byAgency.merge(agency, counts, EfficiencyCounts::plus));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        EfficiencyCounts total = EfficiencyCounts.NONE;
        for (OrgUnit agency : query.agencies()) {
            EfficiencyCounts counts = byAgency.getOrDefault(agency.code(), EfficiencyCounts.NONE);
            total = total.plus(counts);
            rows.add(row(agency.name(), counts));
        }
        if (query.agencies().size() > 1) {
            rows.add(row("合计", total));
        }
        return new StatsTable(headers, rows, List.of(
                "监管履行率：期间内回复期限届满（且已届满）的监督建议书和整改期限届满的整改，按期回复或按期报告完成并经验收通过的占比。",
                "执法质量：期间内办结的投诉举报和监督案件中，经查不属实（投诉）或未发现违法、不当执法而结案（案件）的占比。",
                "社会满意度：期间内投诉举报满意度回访中答复满意或基本满意的占比；每次回访计一次。",
                "三项指标并列报告，不计算加权总分；期间内无应计事项的显示为“—”。"));
    }

    private static List<Object> row(String name, EfficiencyCounts counts) {
        EfficiencyFigures figures = counts.figures();
        return List.of(name, counts.dutiesDue(), counts.dutiesOnTime(), figures.performance(), counts.mattersConcluded(),
                counts.mattersWithoutFinding(), figures.quality(), counts.returnVisits(),
                counts.satisfied() + counts.basicallySatisfied(), figures.satisfaction());
    }
}
