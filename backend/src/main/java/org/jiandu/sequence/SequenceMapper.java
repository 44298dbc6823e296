package org.jiandu.sequence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SequenceMapper {

    Long lock(String name);

    void advance(@Param("name") String name, @Param("next") long next);
}
