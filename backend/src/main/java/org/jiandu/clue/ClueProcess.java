package org.jiandu.clue;

/** Names shared by the {@code clue-transfer} diagram and the code: process key and variables. */
public final class ClueProcess {

    public static final String KEY = "clue-transfer";

    /** The proposer, who handles the clue: set by our service at the start, never by a form. */
    public static final String HANDLER = "handler";
    /** The receiving body's organisation code. */
    public static final String TARGET_ORG_CODE = "targetOrgCode";
    public static final String LEGAL_REVIEW_PASSED = "legalReviewPassed";
    public static final String RESUBMIT = "resubmit";
    public static final String COLLECTIVE_AGREED = "collectiveAgreed";
    public static final String LEAD_APPROVED = "leadApproved";
    /** Texts a form submits; the clue's tables keep them. */
    public static final String LEGAL_OPINION = "legalOpinion";
    public static final String REVISION_NOTE = "revisionNote";
    public static final String MEETING_MINUTES = "meetingMinutes";
    public static final String LEAD_OPINION = "leadOpinion";
    public static final String RECEIPT_NOTE = "receiptNote";
    public static final String OUTCOME_KIND = "outcomeKind";
    public static final String OUTCOME_TEXT = "outcomeText";

    private ClueProcess() {
    }
}
