package org.jiandu.escalation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The ladder's record: one row per warning, reminder notice, 督办 and public notice, as the record's view shows them. */
@Component
class EscalationRows {

    private final EscalationMapper mapper;
    private final Clock clock;

    EscalationRows(EscalationMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The ids of the public notices (通报) issued on the agency about the record, so far. */
    Set<Long> noticeIds(String agencyCode, String recordNo) {
        return agencyCode == null ? Set.of() : mapper.publicNoticesOf(agencyCode).stream()
                .filter(notice -> recordNo.equals(notice.recordNo())).map(PublicNotice::id)
                .collect(Collectors.toSet());
    }

    /** The numbers of the public notices issued on the agency about the record, other than those given. */
    List<String> noticesSince(String agencyCode, String recordNo, Set<Long> before) {
        return agencyCode == null ? List.of() : mapper.publicNoticesOf(agencyCode).stream()
                .filter(notice -> recordNo.equals(notice.recordNo()) && !before.contains(notice.id()))
                .map(PublicNotice::docNo).toList();
    }

    void insert(String recordType, String recordNo, String agencyCode, String stage, String taskName,
                        String docNo, Long documentId, Boolean publicNotice, Boolean clueProposal, String reason,
                        String actor) {
        EscalationMapper.EscalationRow row = new EscalationMapper.EscalationRow();
        row.recordType = recordType;
        row.recordNo = recordNo;
        row.agencyCode = agencyCode;
        row.stage = stage;
        row.taskName = taskName;
        row.docNo = docNo;
        row.documentId = documentId;
        row.publicNotice = publicNotice;
        row.clueProposal = clueProposal;
        row.reason = reason;
        row.actor = actor;
        row.occurredAt = LocalDateTime.now(clock).withNano(0);
        mapper.insert(row);
    }
}
