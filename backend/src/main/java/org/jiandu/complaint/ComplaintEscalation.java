package org.jiandu.complaint;

import java.time.LocalDateTime;

/** 督办: a step of a complaint that went past its due date and was escalated to the leads. */
record ComplaintEscalation(long id, long complaintId, String taskKey, String taskName, String taskId,
                           String assignee, LocalDateTime dueAt, LocalDateTime escalatedAt) {
}
