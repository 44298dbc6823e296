package org.jiandu.supervision;

import java.time.LocalDateTime;

/** A participant of the collective deliberation and their opinion. */
public record Participant(long id, long caseId, String userId, String opinion, String addedBy, LocalDateTime addedAt,
                          LocalDateTime opinedAt) {
}
