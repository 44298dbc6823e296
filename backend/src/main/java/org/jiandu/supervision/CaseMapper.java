package org.jiandu.supervision;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface CaseMapper {

    void insert(NewCase row);

    @Select("SELECT * FROM supervision_case WHERE id = #{id}")
    Optional<CaseRow> find(long id);

    @Select("SELECT * FROM supervision_case WHERE case_no = #{caseNo}")
    Optional<CaseRow> findByNo(String caseNo);

    @Select("SELECT case_no FROM supervision_case WHERE source_type = 'COMPLAINT' AND source_ref = #{complaintNo} ORDER BY id")
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

    @Select("SELECT * FROM case_record WHERE case_id = #{caseId} ORDER BY id")
    List<CaseRecord> records(long caseId);

    void insertParticipant(@Param("caseId") long caseId, @Param("userId") String userId,
                           @Param("addedBy") String addedBy, @Param("addedAt") LocalDateTime addedAt);

    @Select("SELECT * FROM case_participant WHERE case_id = #{caseId} ORDER BY id")
    List<Participant> participants(long caseId);

    int opinion(@Param("caseId") long caseId, @Param("userId") String userId, @Param("opinion") String opinion,
                @Param("opinedAt") LocalDateTime opinedAt);

    void insertDecision(@Param("caseId") long caseId, @Param("step") String step, @Param("outcome") String outcome,
                        @Param("reason") String reason, @Param("decidedBy") String decidedBy,
                        @Param("decidedAt") LocalDateTime decidedAt);

    @Select("SELECT * FROM case_decision WHERE case_id = #{caseId} ORDER BY id")
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
