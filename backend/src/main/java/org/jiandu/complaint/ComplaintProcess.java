package org.jiandu.complaint;

/** Names shared by the {@code complaint-handling} diagram and the code: process key, record type, variables. */
final class ComplaintProcess {

    static final String KEY = "complaint-handling";
    /** Record type of complaints in the audit log, documents and notifications. */
    static final String RECORD_TYPE = "COMPLAINT";

    static final String COMPLAINT_ID = "complaintId";
    /** The agency complained about, when the complainant named it: for the inbox's agency column and filter. */
    static final String AGENCY_CODE = "agencyCode";
    /** The agency's name, shown on Tasklist's task cards instead of its code. */
    static final String AGENCY_NAME = "agencyName";
    static final String ANONYMOUS = "anonymous";
    static final String REOPEN_COUNT = "reopenCount";
    static final String EXTENDED = "extended";
    static final String SUPERVISOR_ID = "supervisorId";
    static final String INVESTIGATION_DUE = "investigationDue";
    static final String ACCEPTANCE_DECISION = "acceptanceDecision";
    static final String ACCEPTANCE_APPROVED = "acceptanceApproved";
    static final String INVESTIGATION_ACTION = "investigationAction";
    static final String PROPOSAL = "proposal";
    static final String EXTENSION_DAYS = "extensionDays";
    static final String EXTENSION_APPROVED = "extensionApproved";
    static final String PROPOSAL_APPROVED = "proposalApproved";
    static final String SATISFACTION = "satisfaction";

    /** Every variable the process may hold; anything else a completion submits is removed. */
    static final java.util.Set<String> VARIABLES = java.util.Set.of(COMPLAINT_ID, AGENCY_CODE, AGENCY_NAME, ANONYMOUS,
            REOPEN_COUNT, EXTENDED,
            SUPERVISOR_ID, INVESTIGATION_DUE, ACCEPTANCE_DECISION, ACCEPTANCE_APPROVED, INVESTIGATION_ACTION, PROPOSAL,
            EXTENSION_DAYS, EXTENSION_APPROVED, PROPOSAL_APPROVED, SATISFACTION);

    /** Texts a form submits; they go to the complaint tables and are removed from the process. */
    static final String REASON = "reason";
    static final String COMPETENT_AUTHORITY = "competentAuthority";
    static final String FINDINGS = "findings";
    static final String REPLY_TEXT = "replyText";

    static final String POLICY_INVESTIGATION = "complaint.investigation";
    static final String POLICY_EXTENSION = "complaint.extension";

    private ComplaintProcess() {
    }
}
