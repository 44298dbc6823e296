package org.jiandu.letter;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Per-agency counts of letters, rectifications and escalations in a period ({@code from} inclusive, {@code until} exclusive). */
@Mapper
interface LetterStatsMapper {

    /** c1: letters served; c2: replies that fell due; c3: of those, replied on time. */
    List<Counts> letters(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                         @Param("until") LocalDateTime until);

    /** c1: rectifications verified and closed; c2: plans and reports late or missed; c3: none. */
    List<Counts> rectifications(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                                @Param("until") LocalDateTime until);

    /** c1: reminder notices (催办通知); c2: 督办 decisions; c3: public notices (通报). */
    List<Counts> escalations(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                             @Param("until") LocalDateTime until);

    /**
     * The letter duties of the efficiency figures, c1: letters whose reply term ended in the period and before
     * {@code now}; c2: of those, replied on time; c3: none.
     */
    List<Counts> replyDuties(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                             @Param("until") LocalDateTime until, @Param("now") LocalDateTime now);

    record Counts(String agencyCode, long c1, long c2, long c3) {
    }
}
