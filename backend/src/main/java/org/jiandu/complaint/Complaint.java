package org.jiandu.complaint;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A complaint as stored: what the complainant said, who they are, and where its handling stands. */
record Complaint(long id, String trackingNo, String queryCodeHash, ComplaintSource source, String hotlineOrderNo,
                 String referralNo, boolean anonymous, String complainantName, String complainantPhone,
                 String complainantAddress, String agencyCode, String agencyText, String fieldCode,
                 LocalDate occurredOn, String occurredPlace, String facts, String demands, ComplaintStatus status,
                 String processInstanceId, String supervisorId, String handedOverTo, String statusNote,
                 LocalDateTime investigationDue, boolean extended, String findings, String proposal,
                 String replyText, Long replyDocumentId, String replyDocNo, LocalDateTime repliedAt,
                 String satisfaction, int reopenCount, String registeredBy, LocalDateTime registeredAt,
                 LocalDateTime acceptedAt, LocalDateTime closedAt, LocalDateTime updatedAt) {
}
