package org.jiandu.escalation;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EscalationMapper {

    void insert(EscalationRow row);

    List<Escalation> findByRecord(@Param("recordType") String recordType, @Param("recordNo") String recordNo);

    void insertPublicNotice(@Param("agencyCode") String agencyCode, @Param("recordType") String recordType,
                            @Param("recordNo") String recordNo, @Param("docNo") String docNo,
                            @Param("documentId") long documentId, @Param("issuedAt") LocalDateTime issuedAt);

    List<PublicNotice> publicNoticesOf(@Param("agencyCode") String agencyCode);

    /** A mutable row for inserts. */
    final class EscalationRow {
        public Long id;
        public String recordType;
        public String recordNo;
        public String agencyCode;
        public String stage;
        public String taskName;
        public String docNo;
        public Long documentId;
        public Boolean publicNotice;
        public Boolean clueProposal;
        public String reason;
        public String actor;
        public LocalDateTime occurredAt;
    }
}
