package org.jiandu.clue;

/** The kind of record a clue comes from or rests on; linked by its business number. */
public enum ClueSource {
    COMPLAINT("投诉举报"),
    CASE("执法监督案件"),
    LETTER("监督建议书/意见书"),
    RECTIFICATION("整改跟踪"),
    ESCALATION("督办"),
    NONE("直接提出");

    private final String label;

    ClueSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
