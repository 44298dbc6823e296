package org.jiandu.clue;

/** What the receiving body did with a clue (处理结果). */
public enum ClueOutcome {
    CASE_OPENED("立案审查调查"),
    TALK_REMINDER("谈话提醒"),
    CRITICISM_EDUCATION("批评教育"),
    ADMONISHMENT("诫勉"),
    DISCIPLINARY_SANCTION("党纪政务处分"),
    CRIMINAL_CASE_OPENED("刑事立案"),
    REFERRED_ELSEWHERE("移交其他机关处理"),
    NO_ACTION("不予处理");

    private final String label;

    ClueOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
