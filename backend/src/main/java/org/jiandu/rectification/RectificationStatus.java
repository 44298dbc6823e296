package org.jiandu.rectification;

/** Where a rectification stands (the {@code rectification.status} column). */
public enum RectificationStatus {
    PLANNING("待报送整改方案"),
    IMPLEMENTING("整改中"),
    VERIFYING("待验收"),
    CLOSED("已办结");

    private final String label;

    RectificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
