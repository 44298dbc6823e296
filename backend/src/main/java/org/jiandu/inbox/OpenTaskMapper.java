package org.jiandu.inbox;

import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The inbox's index of open tasks and its badges ({@link OpenTasks}; db/migration V7_16). */
@Mapper
interface OpenTaskMapper {

    /** The audience of each of these tasks that has a row (id, audience). */
    List<Named> audiences(@Param("taskIds") Collection<String> taskIds);

    List<Row> rows(@Param("taskIds") Collection<String> taskIds);

    void insert(@Param("row") Row row);

    void update(@Param("row") Row row);

    void delete(@Param("taskIds") Collection<String> taskIds);

    /** Rows changed; 0 if the row is not there (on MySQL / MariaDB it is made: never 0). */
    int addToBadge(@Param("audience") String audience, @Param("shard") int shard, @Param("delta") long delta);

    void insertBadge(@Param("audience") String audience, @Param("shard") int shard, @Param("delta") long delta);

    /** The open tasks of {@code person}'s audience and of every audience LIKE {@code groupsPattern}. */
    List<Badge> badges(@Param("person") String person, @Param("groupsPattern") String groupsPattern);

    /**
     * Rows {@code offset} to {@code offset + size} of the audiences' tasks in the criteria's order: the first
     * {@code offset + size} of each audience, read along its index, then merged.
     */
    List<Row> page(@Param("audiences") List<String> audiences, @Param("c") Criteria criteria,
                   @Param("offset") int offset, @Param("size") int size);

    long count(@Param("audiences") List<String> audiences, @Param("c") Criteria criteria);

    /** One open task as the inbox shows and filters it; times are the engine's own. */
    record Row(String taskId, String audience, String processKey, String processName, String businessKey,
               String agencyCode, String taskName, Date createdAt, Date dueAt, int priority) {
    }

    record Named(String id, String name) {
    }

    record Badge(String audience, long openTasks) {
    }

    /**
     * An inbox filter as the index's columns take it: LIKE patterns, the engine's dates; {@code sortColumn} one of
     * the three indexed orders.
     */
    record Criteria(String processKey, String businessKeyLike, String agency, Date dueAfter, Date dueBefore,
                    Date createdBefore, String textLike, String sortColumn, boolean ascending) {
    }
}
