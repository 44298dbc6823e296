package org.jiandu.deadline;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DeadlinePolicyMapper {

    List<DeadlinePolicy> findAll();

    Optional<DeadlinePolicy> find(String key);

    int update(@Param("key") String key, @Param("description") String description, @Param("days") int days,
               @Param("dayKind") DeadlinePolicy.DayCount dayKind, @Param("reminderDays") int reminderDays,
               @Param("updatedBy") String updatedBy, @Param("updatedAt") LocalDateTime updatedAt);
}
