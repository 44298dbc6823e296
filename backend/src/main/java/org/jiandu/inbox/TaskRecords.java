package org.jiandu.inbox;

/** Record types the inbox writes to the audit log and notifications. */
final class TaskRecords {

    /** Notifications about one task: the record number is the task id. */
    static final String TASK = "TASK";
    /** Audit rows of task operations: the record number is the process's business key. */
    static final String WORKFLOW = "WORKFLOW";
    /** The BPMN error code a user task's boundary event catches to model the way back (退回). */
    static final String RETURN_ERROR_CODE = "RETURN";
    /** The process variable holding the code of the agency a process concerns. */
    static final String AGENCY_VARIABLE = "agencyCode";

    private TaskRecords() {
    }
}
