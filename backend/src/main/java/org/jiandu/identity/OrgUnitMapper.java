package org.jiandu.identity;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OrgUnitMapper {

    Optional<OrgUnit> findById(long id);

    Optional<OrgUnit> findByCode(String code);

    List<OrgUnit> findAll();

    /** The organisation and every organisation below it. */
    List<OrgUnit> findSubtree(@Param("treePath") String treePath);

    void insert(OrgUnitRow row);

    void updateTreePath(@Param("id") long id, @Param("treePath") String treePath);

    int update(@Param("id") long id, @Param("name") String name, @Param("docAbbr") String docAbbr,
               @Param("enabled") boolean enabled);

    /** A mutable row for inserts that need the generated id back. */
    final class OrgUnitRow {
        public Long id;
        public String code;
        public String name;
        public OrgKind kind;
        public AdminLevel adminLevel;
        public Long parentId;
        public String treePath;
        public String docAbbr;
        public java.time.LocalDateTime createdAt;
    }
}
