package org.jiandu.escalation;

import java.time.LocalDateTime;

/**
 * One rung of the ladder on a record: WARNING (临期预警), REMINDER (催办通知, with its number), SUPERVISION
 * (督办: the lead's decision on 通报 and a clue proposal).
 */
public record Escalation(long id, String recordType, String recordNo, String agencyCode, String stage, String taskName,
                         String docNo, Long documentId, Boolean publicNotice, Boolean clueProposal, String reason,
                         String actor, LocalDateTime occurredAt) {

    /** What the agency concerned may see: no clue proposal, no internal reasons. */
    public Escalation forAgency() {
        return new Escalation(id, recordType, recordNo, agencyCode, stage, taskName, docNo, documentId, publicNotice,
                null, null, actor, occurredAt);
    }
}
