package org.jiandu.supervision;

import java.time.LocalDateTime;

/** A decision on a case: who, when, why. */
public record CaseDecision(long id, long caseId, String step, String outcome, String reason, String decidedBy,
                           LocalDateTime decidedAt) {
}
