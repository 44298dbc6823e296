package org.jiandu.notification;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MailOutboxMapper {

    void insertAll(@Param("rows") List<OutboxMail> rows);

    /** Rows due now: pending ones whose next attempt has come, and claims whose node let the lease run out. */
    List<Long> dueIds(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /** Claims those of {@code ids} that are still due; a row another node claimed first no longer matches. */
    int claim(@Param("ids") List<Long> ids, @Param("token") String token, @Param("now") LocalDateTime now,
              @Param("leaseEnd") LocalDateTime leaseEnd);

    List<OutboxMail> claimed(@Param("token") String token);

    int markSent(@Param("id") long id, @Param("token") String token, @Param("at") LocalDateTime at);

    int markAttemptFailed(@Param("id") long id, @Param("token") String token, @Param("status") OutboxMail.Status status,
                          @Param("nextAttemptAt") LocalDateTime nextAttemptAt, @Param("error") String error);

    List<OutboxMail> findByStatus(@Param("status") OutboxMail.Status status, @Param("offset") int offset,
                                  @Param("limit") int limit);

    long countByStatus(@Param("status") OutboxMail.Status status);

    OutboxMail find(@Param("id") long id);

    int retry(@Param("id") long id, @Param("now") LocalDateTime now);
}
