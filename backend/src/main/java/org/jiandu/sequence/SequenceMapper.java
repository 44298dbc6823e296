package org.jiandu.sequence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface SequenceMapper {

    @Select("SELECT next_value FROM number_sequence WHERE seq_name = #{name} FOR UPDATE")
    Long lock(String name);

    @Insert("INSERT INTO number_sequence (seq_name, next_value) VALUES (#{name}, 1)")
    void create(String name);

    @Update("UPDATE number_sequence SET next_value = #{next} WHERE seq_name = #{name}")
    void advance(@Param("name") String name, @Param("next") long next);
}
