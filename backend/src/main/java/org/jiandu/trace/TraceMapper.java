package org.jiandu.trace;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TraceMapper {

    /**
     * Of the given process instances, those with a task the user was a candidate for, by name or through
     * one of the groups (read from Camunda's history tables in one query).
     */
    List<String> instancesWithCandidate(@Param("processInstanceIds") Collection<String> processInstanceIds,
                                        @Param("userId") String userId, @Param("groupIds") Collection<String> groupIds);
}
