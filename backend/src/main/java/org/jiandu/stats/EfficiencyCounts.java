package org.jiandu.stats;

/**
 * One feature's share of an agency's efficiency figures (see {@link EfficiencyFigures}): the duties that
 * fell due and those discharged on time, the matters concluded and those with no finding against the
 * agency, the return visits and their answers. Contributions of several features are added up.
 */
public record EfficiencyCounts(long dutiesDue, long dutiesOnTime, long mattersConcluded, long mattersWithoutFinding,
                               long returnVisits, long satisfied, long basicallySatisfied) {

    public static final EfficiencyCounts NONE = new EfficiencyCounts(0, 0, 0, 0, 0, 0, 0);

    public static EfficiencyCounts duties(long due, long onTime) {
        return new EfficiencyCounts(due, onTime, 0, 0, 0, 0, 0);
    }

    public static EfficiencyCounts matters(long concluded, long withoutFinding) {
        return new EfficiencyCounts(0, 0, concluded, withoutFinding, 0, 0, 0);
    }

    public static EfficiencyCounts returnVisits(long visits, long satisfied, long basicallySatisfied) {
        return new EfficiencyCounts(0, 0, 0, 0, visits, satisfied, basicallySatisfied);
    }

    public EfficiencyCounts plus(EfficiencyCounts other) {
        return new EfficiencyCounts(dutiesDue + other.dutiesDue, dutiesOnTime + other.dutiesOnTime,
                mattersConcluded + other.mattersConcluded, mattersWithoutFinding + other.mattersWithoutFinding,
                returnVisits + other.returnVisits, satisfied + other.satisfied,
                basicallySatisfied + other.basicallySatisfied);
    }

    public EfficiencyFigures figures() {
        return EfficiencyFigures.of(dutiesDue, dutiesOnTime, mattersConcluded, mattersWithoutFinding, returnVisits,
                satisfied, basicallySatisfied);
    }
}
