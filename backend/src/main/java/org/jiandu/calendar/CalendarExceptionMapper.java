package org.jiandu.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CalendarExceptionMapper {

    @Select("SELECT * FROM calendar_exception WHERE exception_date BETWEEN #{from} AND #{to} ORDER BY exception_date")
    List<CalendarException> findBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("SELECT * FROM calendar_exception WHERE exception_date = #{date}")
    Optional<CalendarException> find(LocalDate date);

    int update(@Param("date") LocalDate date, @Param("kind") DayKind kind, @Param("name") String name,
               @Param("updatedBy") String updatedBy, @Param("updatedAt") LocalDateTime updatedAt);

    void insert(@Param("date") LocalDate date, @Param("kind") DayKind kind, @Param("name") String name,
                @Param("updatedBy") String updatedBy, @Param("updatedAt") LocalDateTime updatedAt);

    @Delete("DELETE FROM calendar_exception WHERE exception_date = #{date}")
    int delete(LocalDate date);

    @Select("SELECT calendar_year FROM calendar_year WHERE calendar_year BETWEEN #{from} AND #{to}")
    List<Integer> confirmedYears(@Param("from") int from, @Param("to") int to);

    void confirmYear(@Param("year") int year, @Param("by") String by, @Param("at") LocalDateTime at);

    @Delete("DELETE FROM calendar_year WHERE calendar_year = #{year}")
    int unconfirmYear(int year);
}
