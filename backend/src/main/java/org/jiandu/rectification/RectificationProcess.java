package org.jiandu.rectification;

/** Names shared by the {@code rectification-tracking} diagram and the code: process key and variables. */
public final class RectificationProcess {

    public static final String KEY = "rectification-tracking";

    public static final String AGENCY_CODE = "agencyCode";
    public static final String PLAN_DUE = "planDue";
    public static final String COMPLETION_DUE = "completionDue";
    public static final String REPORT_CYCLE_DAYS = "reportCycleDays";
    public static final String VERIFICATION_PASSED = "verificationPassed";
    public static final String ONSITE_CHECK = "onsiteCheck";
    /** Texts and dates a form submits; the rectification's tables keep them. */
    public static final String PLAN_TEXT = "planText";
    public static final String COMPLETION_DATE = "completionDate";
    public static final String PROGRESS_TEXT = "progressText";
    public static final String COMPLETION_TEXT = "completionText";
    public static final String REASON = "reason";

    private RectificationProcess() {
    }
}
