package org.jiandu.letter;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LetterMapper {

    void insert(NewLetter row);

    Optional<LetterRow> find(long id);

    Optional<LetterRow> findByNo(String letterNo);

    List<LetterRow> findByCase(String caseNo);

    List<String> lettersOfComplaint(String complaintNo);

    List<LetterRow> list(@Param("filter") ListFilter filter, @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("filter") ListFilter filter);

    int updateDraft(@Param("id") long id, @Param("title") String title, @Param("body") String body,
                    @Param("replyDays") Integer replyDays, @Param("rectificationRequired") boolean rectificationRequired);

    int updateRectificationRequired(@Param("id") long id, @Param("required") boolean required);

    int updateStatus(@Param("id") long id, @Param("status") String status);

    int markSigned(@Param("id") long id, @Param("signedBy") String signedBy, @Param("signedAt") LocalDateTime signedAt);

    int markIssued(@Param("id") long id, @Param("issuerCode") String issuerCode, @Param("docNo") String docNo,
                   @Param("documentId") long documentId);

    int markReceived(@Param("id") long id, @Param("receivedBy") String receivedBy,
                     @Param("receivedAt") LocalDateTime receivedAt, @Param("replyDue") LocalDateTime replyDue);

    int updateReplyDue(@Param("id") long id, @Param("replyDue") LocalDateTime replyDue, @Param("status") String status);

    int close(@Param("id") long id, @Param("closedAt") LocalDateTime closedAt);

    void insertDecision(@Param("letterId") long letterId, @Param("step") String step, @Param("outcome") String outcome,
                        @Param("reason") String reason, @Param("internal") boolean internal,
                        @Param("decidedBy") String decidedBy, @Param("decidedAt") LocalDateTime decidedAt);

    List<LetterDecision> decisions(long letterId);

    void insertReply(@Param("letterId") long letterId, @Param("replyText") String replyText,
                     @Param("submittedBy") String submittedBy, @Param("submittedAt") LocalDateTime submittedAt,
                     @Param("late") boolean late);

    List<LetterReply> replies(long letterId);

    /** What a list may be filtered by; {@code agencyCode} is forced to the caller's own agency for agency users. */
    record ListFilter(String agencyCode, String status, String flag, boolean servedOnly, LocalDateTime now,
                      LocalDateTime yellowBound, LocalDateTime startedBefore) {
    }

    /** A mutable row for inserts. */
    final class NewLetter {
        public Long id;
        public String letterNo;
        public String caseNo;
        public String sourceType;
        public String sourceRef;
        public String agencyCode;
        public String title;
        public String body;
        public Integer replyDays;
        public boolean rectificationRequired;
        public String status;
        public String createdBy;
        public LocalDateTime createdAt;
    }
}
