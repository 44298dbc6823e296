package org.jiandu.complaint;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Complaint figures of a period ({@code from} inclusive, {@code until} exclusive) for some agencies, each
 * list in one grouped query. Only complaints naming one of the agencies are counted.
 */
@Mapper
interface ComplaintStatsMapper {

    /** Per agency: received, accepted, replied, and replied with no step escalated as overdue before the reply. */
    List<AgencyCounts> byAgency(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                                @Param("until") LocalDateTime until);

    /** Complaints replied in the period, grouped by agency, day received and day replied. */
    List<Handled> handled(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                          @Param("until") LocalDateTime until);

    /** Per agency: the return visits of the period by answer. */
    List<Visits> returnVisits(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                              @Param("until") LocalDateTime until);

    /** Complaints received in the period by source ({@code dimension = 'source'}) or field ({@code 'field'}). */
    List<Received> received(@Param("dimension") String dimension, @Param("agencies") List<String> agencies,
                            @Param("from") LocalDateTime from, @Param("until") LocalDateTime until);

    /** Per agency: complaints closed (息访) in the period after investigation, and of those found unfounded. */
    List<Concluded> concluded(@Param("agencies") List<String> agencies, @Param("from") LocalDateTime from,
                              @Param("until") LocalDateTime until);

    /** Every enforcement field, disabled ones too (older complaints may name them). */
    List<FieldName> fields();

    record FieldName(String code, String name, boolean enabled) {
    }

    record AgencyCounts(String agencyCode, long received, long accepted, long replied, long repliedOnTime) {
    }

    record Handled(String agencyCode, LocalDate receivedOn, LocalDate repliedOn, long n) {
    }

    record Visits(String agencyCode, long satisfied, long basicallySatisfied, long unsatisfied) {

        long total() {
            return satisfied + basicallySatisfied + unsatisfied;
        }
    }

    record Received(String code, long received, long accepted, long notAccepted, long handedOver) {
    }

    record Concluded(String agencyCode, long concluded, long unfounded) {
    }
}
