package org.jiandu.archive;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ArchiveMapper {

    /** Claims a record for archiving; a second claim (another node at the same moment) fails on the unique key. */
    void claim(ArchiveRow row);

    void complete(@Param("id") long id, @Param("manifestSha256") String manifestSha256, @Param("files") int files);

    /** Closed top-level process instances with a business key and no archive package yet, the longest closed first. */
    List<String> closedNotArchived(@Param("limit") int limit);

    Optional<ArchivePackage> find(@Param("id") long id);

    List<ArchivePackage> findByBusinessKey(@Param("businessKey") String businessKey);

    Optional<ArchivePackage> findByProcessInstance(@Param("processInstanceId") String processInstanceId);

    /** The row being written: its id is set on insert. */
    final class ArchiveRow {
        Long id;
        String businessKey;
        String processInstanceId;
        String processKey;
        String retention;
        java.time.LocalDateTime closedAt;
        java.time.LocalDateTime keptUntil;
        String location;
        java.time.LocalDateTime archivedAt;

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getBusinessKey() {
            return businessKey;
        }

        public String getProcessInstanceId() {
            return processInstanceId;
        }

        public String getProcessKey() {
            return processKey;
        }

        public String getRetention() {
            return retention;
        }

        public java.time.LocalDateTime getClosedAt() {
            return closedAt;
        }

        public java.time.LocalDateTime getKeptUntil() {
            return keptUntil;
        }

        public String getLocation() {
            return location;
        }

        public java.time.LocalDateTime getArchivedAt() {
            return archivedAt;
        }
    }
}
