package org.jiandu.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * What a caller sees of a trace, after {@link TraceAudience}. A clue the caller may not see leaves no mark: its
 * processes, the call activities that started them and the variables holding its number are left out.
 * {@code ownPeople} remembers, for this one reading, which user ids are of the reader's organisation.
 */
record TraceScope(TraceAudience audience, String agencyCode, List<HistoricProcessInstance> instances,
                  Set<String> recordNos, Set<String> hiddenInstances, Set<String> hiddenClueKeys,
                  BiPredicate<String, String> recordVisible, TraceAccess access, Map<String, Boolean> ownPeople) {

    TraceScope(TraceAudience audience, String agencyCode, List<HistoricProcessInstance> instances, Set<String> recordNos,
               Set<String> hiddenInstances, Set<String> hiddenClueKeys, BiPredicate<String, String> recordVisible,
               TraceAccess access) {
        this(audience, agencyCode, instances, recordNos, hiddenInstances, hiddenClueKeys, recordVisible, access,
                new HashMap<>());
    }

    boolean hidesCallTo(String calledProcessInstanceId) {
        return calledProcessInstanceId != null && hiddenInstances.contains(calledProcessInstanceId);
    }

    boolean hidesValue(Object value) {
        return value instanceof String text && hiddenClueKeys.contains(text);
    }

    /** Whether audit rows and documents of this record type and number may be seen. */
    boolean sees(String recordType, String recordNo) {
        return recordVisible.test(recordType, recordNo);
    }

    /** The user id if it names someone of the reader's own organisation, else null (not shown). */
    String ownActor(String userId) {
        if (userId == null) {
            return null;
        }
        boolean own = ownPeople.computeIfAbsent(userId, id -> access.sameOrganisation(id, audience.user()));
        return own ? userId : null;
    }
}
