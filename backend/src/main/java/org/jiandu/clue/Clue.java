package org.jiandu.clue;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A clue row, with the codes and names of the organisations it names. */
record Clue(long id, String clueNo, ClueStatus status, ClueTarget targetKind, long targetOrgId, String targetOrgCode,
            String targetOrgName, long issuerOrgId, String issuerOrgCode, String issuerOrgName, String categoryCode,
            String categoryName, boolean collectiveRequired, String facts, String personsInvolved, Long agencyOrgId,
            String agencyOrgCode, String agencyOrgName, ClueSource sourceType, String sourceNo, String handler,
            String processInstanceId, LocalDateTime proposedAt, String approvedBy, LocalDateTime approvedAt,
            String transferLetterNo, LocalDate transferDue, String acknowledgedBy, LocalDateTime acknowledgedAt,
            LocalDate outcomeDue, ClueOutcome outcomeKind, String outcomeText, Boolean outcomeOnPaper,
            String outcomeRecordedBy, LocalDateTime outcomeRecordedAt, LocalDateTime closedAt) {

    /** Whether the lead has approved the transfer: from then on the receiving body knows of it. */
    boolean transferred() {
        return approvedAt != null;
    }
}
