package org.jiandu.audit;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

    /** Locks the head of the chain for the rest of the transaction. */
    ChainHead lockHead();

    void insert(AuditEntry entry);

    void moveHead(@Param("seqNo") long seqNo, @Param("hash") String hash);

    List<AuditEntry> findAfter(@Param("afterSeq") long afterSeq, @Param("limit") int limit);

    List<AuditEntry> findByRecord(@Param("recordType") String recordType, @Param("recordNo") String recordNo);

    List<AuditEntry> findByRecordNos(@Param("recordNos") List<String> recordNos);

    ChainHead head();

    record ChainHead(long lastSeq, String lastHash) {
    }
}
