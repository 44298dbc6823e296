package org.jiandu.rectification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RectificationMapper {

    void insert(@Param("rectificationNo") String rectificationNo, @Param("letterId") long letterId,
                @Param("agencyCode") String agencyCode, @Param("createdAt") LocalDateTime createdAt);

    Optional<RectificationRow> find(long id);

    Optional<RectificationRow> findByNo(String no);

    List<RectificationRow> list(@Param("filter") ListFilter filter, @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("filter") ListFilter filter);

    int planDue(@Param("id") long id, @Param("planDue") LocalDateTime planDue);

    int plan(@Param("id") long id, @Param("planText") String planText, @Param("reportCycleDays") int reportCycleDays,
             @Param("completionDue") LocalDateTime completionDue, @Param("nextReportDue") LocalDateTime nextReportDue);

    int nextReportDue(@Param("id") long id, @Param("nextReportDue") LocalDateTime nextReportDue);

    int status(@Param("id") long id, @Param("status") String status);

    int reopen(@Param("id") long id, @Param("completionDue") LocalDateTime completionDue);

    int close(@Param("id") long id, @Param("closedAt") LocalDateTime closedAt);

    void insertMilestone(@Param("rectificationId") long rectificationId, @Param("title") String title,
                         @Param("dueDate") LocalDate dueDate);

    List<Milestone> milestones(long id);

    void insertEntry(@Param("rectificationId") long rectificationId, @Param("kind") String kind,
                     @Param("content") String content, @Param("onsiteCheck") boolean onsiteCheck,
                     @Param("late") boolean late, @Param("actor") String actor,
                     @Param("occurredAt") LocalDateTime occurredAt);

    List<RectificationEntry> entries(long id);

    /** List filters; {@code agencyCode} is forced to the caller's agency for agency users. */
    record ListFilter(String agencyCode, Long letterId, String status, String flag, LocalDateTime now,
                      LocalDateTime yellowBound, LocalDateTime startedBefore) {
    }
}
