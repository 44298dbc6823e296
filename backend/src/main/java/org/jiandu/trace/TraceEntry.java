package org.jiandu.trace;

import java.time.OffsetDateTime;

/**
 * One line of a record's timeline: from Camunda's history, the audit log or the document store.
 *
 * @param source         PROCESS, ACTIVITY, TASK, OPERATION (a user operation on a task or instance),
 *                       VARIABLE, INCIDENT, AUDIT or DOCUMENT
 * @param event          what happened: STARTED, ENDED, CREATED, COMPLETED, DELETED, STORED, the operation type
 *                       (Claim, Delegate, Assign...), SET, RESOLVED, or the audit action
 * @param recordNo       the business key of the process, or the audit row's record number
 * @param recordType     the audit row's record type; null for engine entries
 * @param processKey     the process definition key; null for audit rows
 * @param name           the activity, task or process name (Chinese, from the diagram), or the variable name
 * @param userId         who did it (task assignee, operation user, process starter, audit actor); null for the system
 * @param userRoles      the audit actor's roles; null for engine entries
 * @param userOrg        the audit actor's organisation code; null for engine entries
 * @param clientAddress  the audit actor's client address; null for engine entries
 * @param durationMillis how long an activity, task or process took; null when not finished or not timed
 * @param detail         what changed: the audit row's changes (JSON), an operation's old and new values,
 *                       a variable's new value, an incident's message, a task's end reason
 */
public record TraceEntry(OffsetDateTime at, String source, String event, String recordNo, String recordType,
                         String processKey, String processInstanceId, String activityId, String name,
                         String userId, String userRoles, String userOrg, String clientAddress, Long durationMillis,
                         String detail) {
}
