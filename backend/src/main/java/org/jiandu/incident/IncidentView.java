package org.jiandu.incident;

import java.time.OffsetDateTime;

/**
 * An incident as admins see it: where it happened and the failure's message, never its stack trace.
 * {@code businessKey} is the record's number.
 */
record IncidentView(String id, String type, String processKey, String processName, String processInstanceId,
                    String businessKey, String activityId, String activityName, String message, OffsetDateTime createdAt,
                    String jobId) {
}
