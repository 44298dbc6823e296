package org.jiandu.complaint;

/** Where a complaint stands, as staff and the complainant see it. */
public enum ComplaintStatus {
    REGISTERED("已登记，待受理审查"),
    ACCEPTED("已受理"),
    NOT_ACCEPTED("不予受理"),
    HANDED_OVER("已转交有权机关"),
    INVESTIGATING("调查核实中"),
    REPLIED("已书面答复"),
    CLOSED("已办结");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
