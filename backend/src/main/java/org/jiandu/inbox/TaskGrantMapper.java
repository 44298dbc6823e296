package org.jiandu.inbox;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The engine's authorization rows that decide who may read a task ({@link TaskReadGrants}). */
@Mapper
interface TaskGrantMapper {

    /** Whether any revoke names the user, one of the groups or everybody (as the engine asks first). */
    boolean anyRevoke(@Param("userId") String userId, @Param("groups") Collection<String> groups);

    /**
     * The global authorizations and grants of the user, the groups or everybody that give READ on one of the tasks
     * (or every task) or READ_TASK on one of the process definitions (or every one): (resource type, resource id).
     */
    List<Grant> readGrants(@Param("userId") String userId, @Param("groups") Collection<String> groups,
                           @Param("taskIds") Collection<String> taskIds,
                           @Param("definitionKeys") Collection<String> definitionKeys);

    record Grant(int resourceType, String resourceId) {
    }
}
