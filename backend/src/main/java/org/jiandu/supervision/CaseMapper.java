package org.jiandu.supervision;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CaseMapper {

    void insert(NewCase row);

    Optional<CaseRow> find(long id);

    Optional<CaseRow> findByNo(String caseNo);

    List<String> casesOfComplaint(String complaintNo);

    List<CaseRow> list(@Param("agencyCode") String agencyCode, @Param("sourceType") String sourceType,
                       @Param("sourceRef") String sourceRef, @Param("status") String status,
                       @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("agencyCode") String agencyCode, @Param("sourceType") String sourceType,
               @Param("sourceRef") String sourceRef, @Param("status") String status);

    int status(@Param("id") long id, @Param("status") String status);

    int decide(@Param("id") long id, @Param("closeNoFinding") boolean closeNoFinding,
               @Param("correctiveDecision") String correctiveDecision, @Param("clueTransfer") String clueTransfer,
               @Param("decidedBy") String decidedBy, @Param("decidedAt") LocalDateTime decidedAt);

    int minutes(@Param("id") long id, @Param("minutes") String minutes, @Param("status") String status);

    int close(@Param("id") long id, @Param("status") String status, @Param("closedAt") LocalDateTime closedAt);

    void insertRecord(@Param("caseId") long caseId, @Param("kind") String kind, @Param("content") String content,
                      @Param("documentId") Long documentId, @Param("recordedBy") String recordedBy,
                      @Param("recordedAt") LocalDateTime recordedAt);

    List<CaseRecord> records(long caseId);

    void insertParticipant(@Param("caseId") long caseId, @Param("userId") String userId,
                           @Param("addedBy") String addedBy, @Param("addedAt") LocalDateTime addedAt);

    List<Participant> participants(long caseId);

    int opinion(@Param("caseId") long caseId, @Param("userId") String userId, @Param("opinion") String opinion,
                @Param("opinedAt") LocalDateTime opinedAt);

    void insertDecision(@Param("caseId") long caseId, @Param("step") String step, @Param("outcome") String outcome,
                        @Param("reason") String reason, @Param("decidedBy") String decidedBy,
                        @Param("decidedAt") LocalDateTime decidedAt);

    List<CaseDecision> decisions(long caseId);

    /** A mutable row for inserts. */
    final class NewCase {
        public Long id;
        public String caseNo;
        public String sourceType;
        public String sourceRef;
        public String agencyCode;
        public String title;
        public String summary;
        public String createdBy;
        public LocalDateTime createdAt;
    }
}
