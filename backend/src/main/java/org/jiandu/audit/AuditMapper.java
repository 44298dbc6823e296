package org.jiandu.audit;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AuditMapper {

    /** Locks the head of the chain for the rest of the (sealer's) transaction: one sealer at a time, cluster-wide. */
    ChainHead lockHead();

    ChainHead head();

    /** Appends an unsealed row: no sequence number, no hashes. */
    void insertUnsealed(AuditEntry entry);

    /** The oldest unsealed rows, in the order they were written. */
    List<AuditEntry> findUnsealed(@Param("limit") int limit);

    void seal(@Param("id") long id, @Param("seqNo") long seqNo, @Param("prevHash") String prevHash,
              @Param("rowHash") String rowHash, @Param("batchNo") long batchNo);

    void insertBatch(Batch batch);

    void moveHead(@Param("seqNo") long seqNo, @Param("hash") String hash, @Param("batchNo") long batchNo);

    /** How many rows wait for the sealer, and when the oldest of them was written. */
    Unsealed unsealed();

    AuditEntry findById(@Param("id") long id);

    @Select("SELECT batch_no FROM audit_log WHERE id = #{id}")
    Long batchNoOf(@Param("id") long id);

    AuditEntry findBySeq(@Param("seqNo") long seqNo);

    List<String> rowHashesBetween(@Param("firstSeq") long firstSeq, @Param("lastSeq") long lastSeq);

    List<Batch> findBatchesAfter(@Param("afterSeq") long afterSeq);

    Batch findBatch(@Param("batchNo") long batchNo);

    List<AuditEntry> findByRecord(@Param("recordType") String recordType, @Param("recordNo") String recordNo);

    List<AuditEntry> findByRecordNos(@Param("recordNos") List<String> recordNos);

    Checkpoint checkpoint();

    void saveCheckpoint(Checkpoint checkpoint);

    record ChainHead(long lastSeq, String lastHash, long lastBatch) {
    }

    record Batch(long batchNo, long firstSeq, long lastSeq, String merkleRoot, String chainHash,
                 LocalDateTime sealedAt) {
    }

    record Unsealed(long waiting, LocalDateTime oldest) {
    }

    record Checkpoint(long verifiedSeq, String verifiedHash, LocalDateTime verifiedAt) {
    }
}
