package org.jiandu.supervision;

/** Where a supervision case stands (the {@code supervision_case.status} column). */
public enum CaseStatus {
    FILING("待立案审批"),
    INVESTIGATING("调查核实中"),
    DELIBERATING("集体研究中"),
    DECIDING("待作出决定"),
    EXECUTING("执行中"),
    CLOSED("已办结"),
    NOT_FILED("不予立案");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
