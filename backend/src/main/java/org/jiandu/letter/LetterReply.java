package org.jiandu.letter;

import java.time.LocalDateTime;

/** The agency's written reply to a letter (one per round; a returned reply is followed by another). */
public record LetterReply(long id, long letterId, String replyText, String submittedBy, LocalDateTime submittedAt,
                          boolean late) {
}
