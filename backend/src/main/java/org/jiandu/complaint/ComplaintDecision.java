package org.jiandu.complaint;

import java.time.LocalDateTime;

/** One decision in a complaint's history: who decided what at which step, when, and why. */
record ComplaintDecision(long id, long complaintId, String step, String decision, String reason, String actor,
                         String actorName, String actorRole, String taskId, LocalDateTime decidedAt) {
}
