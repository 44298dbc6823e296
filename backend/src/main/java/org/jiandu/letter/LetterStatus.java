package org.jiandu.letter;

/** Where a suggestion letter stands (the {@code supervision_letter.status} column). */
public enum LetterStatus {
    DRAFTING("起草中"),
    LEGAL_REVIEW("法制审核中"),
    SIGNING("待签发"),
    SERVED("已送达待签收"),
    RECEIVED("已签收待回复"),
    REPLIED("已回复待审查"),
    REPLY_ACCEPTED("回复已采纳"),
    RECTIFYING("整改中"),
    CLOSED("已办结");

    private final String label;

    LetterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
