package org.jiandu.inbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface InboxMapper {

    /** Names of a batch of organisations, in one query. */
    List<Named> orgNames(@Param("codes") Collection<String> codes);

    /** Display names of a batch of users, in one query. */
    List<Named> userNames(@Param("ids") Collection<String> ids);

    int countUrges(@Param("taskId") String taskId, @Param("urgeDay") LocalDate urgeDay);

    void insertUrge(@Param("taskId") String taskId, @Param("urgeDay") LocalDate urgeDay, @Param("urgedBy") String urgedBy,
                    @Param("message") String message, @Param("urgedAt") LocalDateTime urgedAt);

    List<String> ccRecipients(@Param("taskId") String taskId);

    void insertCc(@Param("cc") CcRow cc);

    List<CcRow> ccPage(@Param("recipient") String recipient, @Param("f") InboxFilter filter,
                       @Param("offset") int offset, @Param("limit") int limit);

    long ccCount(@Param("recipient") String recipient, @Param("f") InboxFilter filter);

    int markCcRead(@Param("taskId") String taskId, @Param("recipient") String recipient, @Param("at") LocalDateTime at);

    record Named(String id, String name) {
    }

    /** A copy of a task for someone's information (抄送). */
    record CcRow(Long id, String taskId, String processInstanceId, String processKey, String processName,
                 String businessKey, String agencyCode, String stepName, LocalDateTime taskCreatedAt,
                 LocalDateTime taskDueAt, String recipient, String ccBy, String message, LocalDateTime ccAt,
                 LocalDateTime readAt) {
    }
}
