package org.jiandu.workflow;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The deadline notices each task has had, so that none is sent twice. */
@Mapper
interface StepNoticeMapper {

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the task had this notice before. */
    void insert(@Param("taskId") String taskId, @Param("kind") String kind, @Param("at") LocalDateTime at);
}
