package org.jiandu.letter;

import java.time.LocalDateTime;

/** A row of {@code supervision_letter}. */
public record LetterRow(long id, String letterNo, String caseNo, String sourceType, String sourceRef, String agencyCode,
                        String title, String body, Integer replyDays, boolean rectificationRequired, String status,
                        String issuerCode, String docNo, Long documentId, String signedBy, LocalDateTime signedAt,
                        String receivedBy, LocalDateTime receivedAt, LocalDateTime replyDue, String createdBy,
                        LocalDateTime createdAt, LocalDateTime closedAt) {
}
