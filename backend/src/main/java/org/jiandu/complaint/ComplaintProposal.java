package org.jiandu.complaint;

import java.time.LocalDateTime;

/**
 * An approved follow-up of a complaint (立案监督, 监督建议书, 移送线索): recorded here, started by the process
 * of its own feature, which fills in the link ({@code targetId}, {@code targetRecordNo}).
 */
record ComplaintProposal(long id, long complaintId, String targetType, Long targetId, String targetRecordNo,
                         String createdBy, LocalDateTime createdAt, LocalDateTime linkedAt) {
}
