package org.jiandu.complaint;

/** Where a complaint came from (投诉举报来源). */
public enum ComplaintSource {
    WEB("网上投诉"),
    LETTER("来信"),
    VISIT("来访"),
    PHONE("来电"),
    HOTLINE_12345("12345热线转办"),
    NPC_REFERRAL("人大转办"),
    CPPCC_REFERRAL("政协转办");

    private final String label;

    ComplaintSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
