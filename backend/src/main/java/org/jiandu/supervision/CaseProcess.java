package org.jiandu.supervision;

/** Names shared by the {@code supervision-case} diagram and the code: process key and variables. */
public final class CaseProcess {

    public static final String KEY = "supervision-case";

    public static final String AGENCY_CODE = "agencyCode";
    /** The agency's name, shown on Tasklist's task cards. */
    public static final String AGENCY_NAME = "agencyName";
    /** The element variable of the deliberation: one task per participant. */
    public static final String PARTICIPANT = "participant";
    public static final String FILING_APPROVED = "filingApproved";
    /** Set by the case's own decision page (never a form): how many letters the decision calls. */
    public static final String LETTER_COUNT = "letterCount";
    /** Texts a form or the case's page submits; the case's tables keep them. */
    public static final String REASON = "reason";
    public static final String OPINION = "opinion";
    public static final String MINUTES = "minutes";

    private CaseProcess() {
    }
}
