package org.jiandu.supervision;

import java.time.LocalDateTime;

/** A row of {@code supervision_case}. */
public record CaseRow(long id, String caseNo, String sourceType, String sourceRef, String agencyCode, String title,
                      String summary, String status, String minutes, boolean closeNoFinding, String correctiveDecision,
                      String clueTransfer, String decidedBy, LocalDateTime decidedAt, String createdBy,
                      LocalDateTime createdAt, LocalDateTime closedAt) {

    /** What the agency concerned may see: no minutes, no clue transfer. */
    public CaseRow forAgency() {
        return new CaseRow(id, caseNo, sourceType, sourceRef, agencyCode, title, summary, status, null, closeNoFinding,
                correctiveDecision, null, decidedBy, decidedAt, createdBy, createdAt, closedAt);
    }
}
