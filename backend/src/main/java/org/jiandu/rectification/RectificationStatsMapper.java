package org.jiandu.rectification;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Per-agency rectification figures of a period ({@code from} inclusive, {@code until} exclusive), one grouped query each. */
@Mapper
interface RectificationStatsMapper {

    /**
     * started: opened in the period; completed: completion reported in the period; verified: passed verification
     * in the period; failedVerifications: verifications failed in the period (each counted); overdue: completion
     * due in the period and before {@code now}, not reported by then.
     */
    List<Counts> byAgency(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                          @Param("until") LocalDateTime until, @Param("now") LocalDateTime now);

    /**
     * The duties of the efficiency figures: rectifications whose completion was due in the period (and before
     * {@code now}); on time: completion reported by the deadline and verification passed.
     */
    List<Duties> duties(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                        @Param("until") LocalDateTime until, @Param("now") LocalDateTime now);

    record Counts(String agencyCode, long started, long completed, long verified, long failedVerifications,
                  long overdue) {
    }

    record Duties(String agencyCode, long due, long onTime) {
    }
}
