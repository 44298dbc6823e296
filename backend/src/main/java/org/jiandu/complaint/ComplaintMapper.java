package org.jiandu.complaint;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ComplaintMapper {

    Optional<Complaint> find(long id);

    Optional<Complaint> findByTrackingNo(String trackingNo);

    Optional<Complaint> findByProcessInstance(String processInstanceId);

    Optional<Complaint> findByHotlineOrder(String orderNo);

    void insert(NewComplaint row);

    void setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    int update(ComplaintUpdate update);

    List<ComplaintRow> list(@Param("filter") ComplaintFilter filter, @Param("now") Date now,
                            @Param("orderBy") String orderBy, @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("filter") ComplaintFilter filter, @Param("now") Date now);

    void insertDecision(@Param("complaintId") long complaintId, @Param("step") String step,
                        @Param("decision") String decision, @Param("reason") String reason,
                        @Param("actor") String actor, @Param("actorName") String actorName,
                        @Param("actorRole") String actorRole, @Param("taskId") String taskId,
                        @Param("decidedAt") LocalDateTime decidedAt);

    List<ComplaintDecision> decisions(long complaintId);

    void insertProposal(@Param("complaintId") long complaintId, @Param("targetType") String targetType,
                        @Param("createdBy") String createdBy, @Param("createdAt") LocalDateTime createdAt);

    List<ComplaintProposal> proposals(long complaintId);

    /** The oldest approved proposal of this kind that no record has taken up yet, if any. */
    Long openProposal(@Param("complaintId") long complaintId, @Param("targetType") String targetType);

    void linkProposal(@Param("id") long id, @Param("targetId") long targetId,
                      @Param("targetRecordNo") String targetRecordNo, @Param("linkedAt") LocalDateTime linkedAt);

    void insertEscalation(@Param("complaintId") long complaintId, @Param("taskKey") String taskKey,
                          @Param("taskName") String taskName, @Param("taskId") String taskId,
                          @Param("assignee") String assignee, @Param("dueAt") LocalDateTime dueAt,
                          @Param("escalatedAt") LocalDateTime escalatedAt);

    List<ComplaintEscalation> escalations(long complaintId);

    List<Field> fields();

    Optional<Field> field(String code);

    /** Enabled agencies, for the public form. */
    List<Agency> agencies();

    /** An enforcement field (执法领域). */
    record Field(String code, String name) {
    }

    /** An agency as the public form offers it: code and name only. */
    record Agency(String code, String name) {
    }

    /** A line of the staff list. */
    record ComplaintRow(long id, String trackingNo, ComplaintSource source, boolean anonymous,
                        String complainantName, String complainantPhone, String agencyCode, String agencyName,
                        String agencyText, String fieldCode, String fieldName, ComplaintStatus status,
                        LocalDateTime registeredAt, LocalDateTime closedAt, Date currentDue) {
    }

    /** The list's filters; null means "any". */
    record ComplaintFilter(ComplaintStatus status, ComplaintSource source, String agencyCode, String fieldCode,
                           Boolean overdue, LocalDateTime from, LocalDateTime to, String text) {
    }

    /** A mutable row for the insert that needs the generated id back. */
    final class NewComplaint {
        public Long id;
        public String trackingNo;
        public String queryCodeHash;
        public ComplaintSource source;
        public String hotlineOrderNo;
        public String referralNo;
        public boolean anonymous;
        public String complainantName;
        public String complainantPhone;
        public String complainantAddress;
        public String agencyCode;
        public String agencyText;
        public String fieldCode;
        public LocalDate occurredOn;
        public String occurredPlace;
        public String facts;
        public String demands;
        public ComplaintStatus status;
        public String registeredBy;
        public LocalDateTime registeredAt;
    }
}
