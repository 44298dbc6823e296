package org.jiandu.supervision;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Supervision cases concluded in a period ({@code from} inclusive, {@code until} exclusive), per agency. */
@Mapper
interface CaseStatsMapper {

    /** Cases closed after a decision in the period, and of those closed with no finding. */
    List<Concluded> concluded(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                              @Param("until") LocalDateTime until);

    record Concluded(String agencyCode, long concluded, long withoutFinding) {
    }
}
