package org.jiandu.deadline;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface DeadlinePolicyMapper {

    @Select("SELECT * FROM deadline_policy ORDER BY policy_key")
    List<DeadlinePolicy> findAll();

    @Select("SELECT * FROM deadline_policy WHERE policy_key = #{key}")
    Optional<DeadlinePolicy> find(String key);

    @Update("UPDATE deadline_policy SET description = #{description}, days = #{days}, day_kind = #{dayKind}, "
            + "reminder_days = #{reminderDays}, updated_by = #{updatedBy}, updated_at = #{updatedAt} "
            + "WHERE policy_key = #{key}")
    int update(@Param("key") String key, @Param("description") String description, @Param("days") int days,
               @Param("dayKind") DeadlinePolicy.DayCount dayKind, @Param("reminderDays") int reminderDays,
               @Param("updatedBy") String updatedBy, @Param("updatedAt") LocalDateTime updatedAt);
}
