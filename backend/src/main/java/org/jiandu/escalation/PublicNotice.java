package org.jiandu.escalation;

import java.time.LocalDateTime;

/** A public notice (通报) recorded on an agency. */
public record PublicNotice(long id, String agencyCode, String recordType, String recordNo, String docNo, long documentId,
                           LocalDateTime issuedAt) {
}
