package org.jiandu.letter;

import java.time.LocalDateTime;

/** A decision on a letter: legal review, signing, review of a reply; who, when, why. */
public record LetterDecision(long id, long letterId, String step, String outcome, String reason, boolean internal,
                             String decidedBy, LocalDateTime decidedAt) {
}
