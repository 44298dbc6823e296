package org.jiandu.escalation;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Public notices (通报) issued on agencies in a period ({@code from} inclusive, {@code until} exclusive), in one grouped query. */
@Mapper
interface PublicNoticeStatsMapper {

    List<Counts> byAgency(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                          @Param("until") LocalDateTime until);

    /** notices: all; letters / rectifications: on a supervision letter / a rectification; latest: the last one. */
    record Counts(String agencyCode, long notices, long letters, long rectifications, LocalDateTime latest) {
    }
}
