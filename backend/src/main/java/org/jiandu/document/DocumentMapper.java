package org.jiandu.document;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Documents are inserted and read; there is deliberately no update or delete. */
@Mapper
interface DocumentMapper {

    void insert(NewRow row);

    Optional<StoredDocument> find(long id);

    List<StoredDocument> findByRecord(@Param("recordType") String recordType, @Param("recordNo") String recordNo);

    List<StoredDocument> findByRecordNo(@Param("recordNo") String recordNo);

    /** MyBatis reads an array return type as many rows, hence the wrapper. */
    Content content(long id);

    record Content(byte[] content) {
    }

    String numberPattern(DocType type);

    int successorCount(long id);

    /** The row to insert; {@code id} is filled in by the insert. */
    final class NewRow {
        public Long id;
        public String recordType;
        public String recordNo;
        public DocType docType;
        public String docNo;
        public String title;
        public String fileName;
        public String contentType;
        public long sizeBytes;
        public String sha256;
        public byte[] content;
        public int version;
        public Long supersedesId;
        public String createdBy;
        public java.time.LocalDateTime createdAt;
    }
}
