package org.jiandu.letter;

/** Names shared by the {@code supervision-letter} diagram and the code: process key and variables. */
public final class LetterProcess {

    public static final String KEY = "supervision-letter";

    public static final String AGENCY_CODE = "agencyCode";
    /** The agency's name, shown on Tasklist's task cards. */
    public static final String AGENCY_NAME = "agencyName";
    public static final String REPLY_DUE = "replyDue";
    /** The issuing body's code, set when the letter is issued (the ladder's documents are numbered by it). */
    public static final String ISSUER_CODE = "issuerCode";
    public static final String RECTIFICATION_REQUIRED = "rectificationRequired";
    public static final String LEGAL_PASSED = "legalPassed";
    public static final String SIGNED = "signed";
    public static final String REPLY_ACCEPTED = "replyAccepted";
    /** Texts a form submits; the letter's tables keep them. */
    public static final String REASON = "reason";
    public static final String REPLY_TEXT = "replyText";

    private LetterProcess() {
    }
}
