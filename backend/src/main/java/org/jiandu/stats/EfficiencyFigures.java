package org.jiandu.stats;

/**
 * The three figures of the Ezhou efficiency evaluation (行政执法效能评价: 监管履行率、执法质量、社会满意度)
 * for one agency and period, as defined in docs/README-trace-stats.md:
 *
 * <ul>
 *   <li>{@code performance} 监管履行率: duties the agency discharged on time (supervision letters replied to
 *   within their term, rectifications whose completion was reported by their deadline and passed
 *   verification) over the duties that fell due in the period;</li>
 *   <li>{@code quality} 执法质量: complaints and supervision cases about the agency concluded in the period
 *   with no finding of unlawful or improper enforcement, over all of them concluded in the period;</li>
 *   <li>{@code satisfaction} 社会满意度: return visits answered 满意 or 基本满意 over all return visits of
 *   complaints about the agency in the period.</li>
 * </ul>
 *
 * No weighted total: the Ezhou practice names the three dimensions but no weights, so none is made up.
 */
public record EfficiencyFigures(Rate performance, Rate quality, Rate satisfaction) {

    /**
     * @param dutiesDue             letters whose reply term and rectifications whose deadline ended in the period
     * @param dutiesDoneOnTime      of those, replied or completed by the deadline
     * @param mattersConcluded      complaints and cases about the agency concluded in the period
     * @param mattersWithoutFinding of those, concluded with no finding against the agency
     * @param returnVisits          return visits answered in the period
     * @param satisfied             answered 满意
     * @param basicallySatisfied    answered 基本满意
     */
    public static EfficiencyFigures of(long dutiesDue, long dutiesDoneOnTime, long mattersConcluded,
                                       long mattersWithoutFinding, long returnVisits, long satisfied,
                                       long basicallySatisfied) {
        return new EfficiencyFigures(new Rate(dutiesDoneOnTime, dutiesDue),
                new Rate(mattersWithoutFinding, mattersConcluded),
                new Rate(satisfied + basicallySatisfied, returnVisits));
    }
}
