package org.jiandu.identity;

import java.util.Arrays;
import java.util.Optional;

/** The roles of DESIGN "Who uses it"; each is a Camunda group of type {@code WORKFLOW}. */
public enum Role {
    CLERK("clerk", "登记员"),
    SUPERVISOR("supervisor", "监督员"),
    LEAD("lead", "科室负责人"),
    LEGAL_REVIEWER("legal-reviewer", "法制审核员"),
    AGENCY("agency", "执法部门联络员"),
    DISCIPLINE("discipline", "纪检监察机关联络员"),
    AUDITOR("auditor", "审计评查人员"),
    ADMIN("admin", "系统管理员"),
    /** A named system account of another application: the only non-admin allowed on {@code /engine-rest}. */
    INTEGRATION("integration", "系统集成账号");

    private final String groupId;
    private final String label;

    Role(String groupId, String label) {
        this.groupId = groupId;
        this.label = label;
    }

    public String groupId() {
        return groupId;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> ofGroupId(String groupId) {
        return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
    }

    /** Internal staff of the supervision body, as opposed to agencies and receiving bodies. */
    public boolean internal() {
        return this != AGENCY && this != DISCIPLINE && this != INTEGRATION;
    }
}
