package org.jiandu.clue;

import org.jiandu.identity.OrgKind;

/** The kind of body a clue goes to: 纪委监委 by default, 公安机关 or 人民检察院 for suspected crimes (行刑衔接). */
public enum ClueTarget {
    COMMISSION(OrgKind.COMMISSION, "纪委监委"),
    PUBLIC_SECURITY(OrgKind.PUBLIC_SECURITY, "公安机关"),
    PROCURATORATE(OrgKind.PROCURATORATE, "人民检察院");

    private final OrgKind orgKind;
    private final String label;

    ClueTarget(OrgKind orgKind, String label) {
        this.orgKind = orgKind;
        this.label = label;
    }

    public OrgKind orgKind() {
        return orgKind;
    }

    public String label() {
        return label;
    }

    /** Whether the transfer is of a suspected crime to a judicial body rather than to discipline inspection. */
    public boolean criminal() {
        return this != COMMISSION;
    }
}
