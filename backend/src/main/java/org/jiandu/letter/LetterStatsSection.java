package org.jiandu.letter;

import java.time.Clock;
import java.time.LocalDateTime;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics section {@code letters} (监督建议书与整改): per agency, letters served, replies due and replied on
 * time, rectifications verified, late plans and reports, reminder notices, 督办 and public notices;
 * and the letters' share of the efficiency figures (replies due and on time). Like every section: one row per
 * agency of the query (zeros included) and a 合计 row when there is more than one.
 */
@Component
class LetterStatsSection implements StatsSection, EfficiencyInput {

    private final LetterStatsMapper mapper;
    private final Clock clock;

    LetterStatsSection(LetterStatsMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "letters";
    }

    @Override
    public String title() {
        return "监督建议书与整改";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional(readOnly = true)
    public StatsTable figures(StatsQuery query) {
        List<String> headers = List.of("被监督单位", "收到建议书", "回复到期", "按期回复", "按期回复率", "整改验收通过",
                "逾期报送整改材料", "催办通知", "督办", "通报");
        List<String> notes = List.of("收到建议书：期间内签发送达的监督建议书；回复到期：书面回复期限在期间内届满的建议书，按期回复为期限内报送且未逾期的回复。",
                "整改验收通过：期间内验收通过并办结的整改；逾期报送整改材料：期间内逾期报送的整改方案、进展报告和完成报告，以及逾期未报的进展报告。",
                "催办通知、督办、通报：期间内发出的催办通知、负责人作出的督办决定和发出的通报。");
        CountRows rows = new CountRows(8, LetterStatsSection::row);
        List<String> agencies = query.agencyCodes();
        if (agencies.isEmpty()) {
            return new StatsTable(headers, rows.rows(false), notes);
        }
        var from = query.period().start();
        var until = query.period().end();
        Map<String, LetterStatsMapper.Counts> letters = byAgency(mapper.letters(agencies, from, until));
        Map<String, LetterStatsMapper.Counts> rectifications = byAgency(mapper.rectifications(agencies, from, until));
        Map<String, LetterStatsMapper.Counts> escalations = byAgency(mapper.escalations(agencies, from, until));
        for (OrgUnit agency : query.agencies()) {
            long[] figures = figures(letters.get(agency.code()), rectifications.get(agency.code()),
                    escalations.get(agency.code()));
            rows.add(agency.name(), figures);
        }
        return new StatsTable(headers, rows.rows(query.agencies().size() > 1), notes);
    }

    /** The letters' share of 监管履行率: replies that fell due in the period (and already), and those on time. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, EfficiencyCounts> efficiencyCounts(StatsQuery query) {
        if (query.agencies().isEmpty()) {
            return Map.of();
        }
        return mapper.replyDuties(query.agencyCodes(), query.period().start(),
                        query.period().end(), LocalDateTime.now(clock).withNano(0)).stream()
                .collect(Collectors.toMap(LetterStatsMapper.Counts::agencyCode,
                        row -> EfficiencyCounts.duties(row.c1(), row.c2())));
    }

    private static long[] figures(LetterStatsMapper.Counts letters, LetterStatsMapper.Counts rectifications,
                                  LetterStatsMapper.Counts escalations) {
        return new long[] {
            letters == null ? 0 : letters.c1(), letters == null ? 0 : letters.c2(),
            letters == null ? 0 : letters.c3(),
            rectifications == null ? 0 : rectifications.c1(), rectifications == null ? 0 : rectifications.c2(),
            escalations == null ? 0 : escalations.c1(), escalations == null ? 0 : escalations.c2(),
            escalations == null ? 0 : escalations.c3()};
    }

    private static List<Object> row(String name, long[] f) {
        return List.of(name, f[0], f[1], f[2], new Rate(f[2], f[1]), f[3], f[4], f[5], f[6], f[7]);
    }

    private static Map<String, LetterStatsMapper.Counts> byAgency(List<LetterStatsMapper.Counts> counts) {
        return counts.stream().collect(Collectors.toMap(LetterStatsMapper.Counts::agencyCode, Function.identity()));
    }
}
