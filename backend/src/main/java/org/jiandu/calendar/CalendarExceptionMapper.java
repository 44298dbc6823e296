package org.jiandu.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CalendarExceptionMapper {

    List<CalendarException> findBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    Optional<CalendarException> find(LocalDate date);

    int update(@Param("date") LocalDate date, @Param("kind") DayKind kind, @Param("name") String name,
               @Param("updatedBy") String updatedBy, @Param("updatedAt") LocalDateTime updatedAt);

    void insert(@Param("date") LocalDate date, @Param("kind") DayKind kind, @Param("name") String name,
                @Param("updatedBy") String updatedBy, @Param("updatedAt") LocalDateTime updatedAt);

    int delete(LocalDate date);

    List<Integer> confirmedYears(@Param("from") int from, @Param("to") int to);

    void confirmYear(@Param("year") int year, @Param("by") String by, @Param("at") LocalDateTime at);

    int unconfirmYear(int year);
}
