package org.jiandu.clue;

/** Where a clue stands; set by the diagram as it enters each step. */
public enum ClueStatus {
    LEGAL_REVIEW("法制审核中"),
    RETURNED("退回修改"),
    COLLECTIVE_DECISION("待集体研究"),
    AWAITING_APPROVAL("待领导审批"),
    REJECTED("不予移送"),
    WITHDRAWN("已撤回"),
    TRANSFERRED("已移送待签收"),
    RECEIVED("已签收待反馈"),
    OUTCOME_OVERDUE("反馈逾期"),
    CLOSED("已办结");

    private final String label;

    ClueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
