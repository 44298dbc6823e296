package org.jiandu.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.impl.context.Context;
import org.jiandu.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes one audit row per business action, inside the action's own transaction, unsealed: the writer takes no
 * lock that another business transaction waits for. The {@link AuditSealer} then chains committed rows by
 * SHA-256 in batches (one sealer at a time on any number of nodes), each batch with its RFC 6962 Merkle root;
 * {@link #verify()} walks the chain, {@link #verifyFromCheckpoint()} only what was sealed since the last intact
 * walk, and {@link #proof(long)} proves one row part of its batch.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final String ZERO_HASH = "0".repeat(64);

    private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final AuditMapper mapper;
    private final AuditActor.Source actors;
    private final AuditSealer sealer;
    private final Clock clock;
    private final TransactionTemplate checkpointWriter;
    private final boolean sealOnCommit;
    private final DataSource dataSource;
    /** Hash the rows of a verification walk on every core, ahead of its sequential checks ({@link ChainReader}). */
    private final ExecutorService hashers;

    AuditLog(AuditMapper mapper, AuditActor.Source actors, AuditSealer sealer, Clock clock,
             PlatformTransactionManager transactionManager, DataSource dataSource,
             @Value("${jiandu.audit.seal-on-commit:true}") boolean sealOnCommit) {
        this.mapper = mapper;
        this.dataSource = dataSource;
        AtomicInteger hasherNo = new AtomicInteger();
        this.hashers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "audit-walk-hasher-" + hasherNo.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.actors = actors;
        this.sealer = sealer;
        this.clock = clock;
        this.checkpointWriter = new TransactionTemplate(transactionManager);
        this.checkpointWriter.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sealOnCommit = sealOnCommit;
    }

    /**
     * Records an action on a record. {@code changes} maps a field to what it became, or to
     * {@link #change(Object, Object)} for a field whose old value matters.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, String recordNo, String action, Map<String, ?> changes) {
        AuditActor actor = actors.current();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        mapper.insertUnsealed(new AuditEntry(0, null, now, actor.userId(), actor.roles(), actor.orgCode(),
                actor.clientAddress(), recordType, recordNo, action, toJson(changes), null, null));
        // a job executor thread (a timer firing) leaves its row to the sweep: nobody waits to read it, and a sealing
        // transaction after every job (each taking the chain head's lock) was a third of the job threads' time when
        // thousands of timers fell due at once (docs/PERFORMANCE.md, "Deadlines")
        if (sealOnCommit && Context.getJobExecutorContext() == null
                && TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(SEAL_AFTER_COMMIT)) {
            TransactionSynchronizationManager.bindResource(SEAL_AFTER_COMMIT, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SEAL_AFTER_COMMIT);
                    sealer.sealAfterCommit();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SEAL_AFTER_COMMIT);
                }
            });
        }
    }

    @PreDestroy
    void stopHashers() {
        hashers.shutdownNow();
    }

    /** Marks a transaction that will seal after its commit: one sealing request per transaction. */
    private static final Object SEAL_AFTER_COMMIT = new Object();

    /** A before/after pair for {@link #record}. */
    public static Map<String, Object> change(Object before, Object after) {
        java.util.LinkedHashMap<String, Object> pair = new java.util.LinkedHashMap<>();
        pair.put("before", before);
        pair.put("after", after);
        return pair;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofRecord(String recordType, String recordNo) {
        return mapper.findByRecord(recordType, recordNo);
    }

    /**
     * Walks the whole sealed chain from its first stored row and reports the first row whose content or link
     * does not match: a changed row (its hash no longer matches), a deleted row (a gap in the sequence or a
     * broken link), an inserted row (a broken link, a sequence number outside the chain, or rows beyond the
     * chain's head), and a batch whose rows no longer give its Merkle root. Rows sealed while the walk runs are
     * followed, not reported: the head is re-read at the end and the walk continues until it reaches it. An
     * intact walk becomes the checkpoint {@link #verifyFromCheckpoint()} starts from. Rows not yet sealed are
     * not part of the chain yet; the result says how many there are and how long the oldest has waited.
     *
     * <p>What the chain cannot show on its own: a rewrite of the whole tail together with the head row
     * (someone recomputing every hash from the altered row on). Publishing the head's hash (or batch roots)
     * elsewhere from time to time closes that gap.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        // Long.MIN_VALUE: rows slipped in below the first sequence number are walked (and reported) too
        return walk(Long.MIN_VALUE, ZERO_HASH, false);
    }

    /**
     * Walks only what was sealed after the last intact walk (its checkpoint), after checking that the
     * checkpoint's row still carries the hash it had: seconds instead of minutes on a large log. A change to
     * an older row is found by the next full {@link #verify()}.
     */
    @Transactional(readOnly = true)
    public ChainVerification verifyFromCheckpoint() {
        AuditMapper.Checkpoint checkpoint = mapper.checkpoint();
        if (checkpoint.verifiedSeq() > 0) {
            AuditEntry row = mapper.findBySeq(checkpoint.verifiedSeq());
            if (row == null || !checkpoint.verifiedHash().equals(row.rowHash()) || !hashOf(row).equals(row.rowHash())) {
                return ChainVerification.broken(0, checkpoint.verifiedSeq(), "第 " + checkpoint.verifiedSeq()
                        + " 条记录（上次校验的检查点）已被修改或删除。", unsealedWindow(), true, checkpoint.verifiedSeq());
            }
        }
        return walk(checkpoint.verifiedSeq(), checkpoint.verifiedHash(), true);
    }

    private ChainVerification walk(long afterSeq, String startHash, boolean incremental) {
        long from = Math.max(afterSeq, 0);
        String expectedPrev = startHash;
        long expectedSeq = from + 1;
        long checked = 0;
        ChainReader.ClosedBatch closed = null;
        try (ChainReader reader = new ChainReader(dataSource, hashers, from, mapper.findBatchesAfter(from))) {
            reader.readAfter(afterSeq);
            while (true) {
                for (ChainReader.Page page = reader.next(); page != null; page = reader.next()) {
                    for (int i = 0; i < page.size(); i++) {
                        AuditEntry row = page.row(i);
                        if (row.seqNo() != expectedSeq) {
                            return broken(checked, expectedSeq, row.seqNo() > expectedSeq
                                    ? "第 " + expectedSeq + " 条记录缺失（链条在此中断）。"
                                    : "序号为 " + row.seqNo() + " 的记录不属于审计链（记录被插入）。", incremental, from);
                        }
                        if (row.prevHash() == null || !row.prevHash().equals(expectedPrev)) {
                            return broken(checked, row.seqNo(), "第 " + row.seqNo()
                                    + " 条记录与前一条记录的链接不符（前一条被修改、删除或插入）。", incremental, from);
                        }
                        if (!page.hashMatches(i)) {
                            return broken(checked, row.seqNo(),
                                    "第 " + row.seqNo() + " 条记录的内容与其哈希不符（记录被修改）。", incremental, from);
                        }
                        // a batch closed by the row before: checked once this row's link has vouched for that row, so
                        // that a broken link is reported where the chain breaks, as it always was
                        if (closed != null) {
                            ChainVerification batchBroken = checkBatch(closed, checked, incremental, from);
                            if (batchBroken != null) {
                                return batchBroken;
                            }
                        }
                        closed = page.closedBy(i);
                        expectedPrev = row.rowHash();
                        expectedSeq++;
                        checked++;
                    }
                }
                long walked = expectedSeq - 1;
                AuditMapper.ChainHead head = mapper.head();
                if (head.lastSeq() > walked) {
                    // sealed by the sealer after our last read: follow it up to the head
                    AuditMapper.Batch known = reader.lastKnownBatch();
                    reader.addBatches(mapper.findBatchesAfter(Math.max(walked, known == null ? 0 : known.lastSeq())));
                    reader.readAfter(walked);
                    ChainReader.Page more = reader.peek();
                    if (more != null) {
                        continue;
                    }
                }
                if (head.lastSeq() < walked) {
                    return broken(checked, head.lastSeq() + 1,
                            "第 " + (head.lastSeq() + 1) + " 条及以后的记录不在审计链内（记录被插入）。", incremental, from);
                }
                if (head.lastSeq() > walked) {
                    return broken(checked, expectedSeq,
                            "第 " + expectedSeq + " 条及以后的记录缺失（末尾记录被删除）。", incremental, from);
                }
                if (!head.lastHash().equals(expectedPrev)) {
                    return broken(checked, walked,
                            "第 " + walked + " 条记录与审计链尾部的哈希不符（末尾记录被修改）。", incremental, from);
                }
                if (closed != null) {
                    ChainVerification batchBroken = checkBatch(closed, checked, incremental, from);
                    if (batchBroken != null) {
                        return batchBroken;
                    }
                }
                saveCheckpoint(walked, expectedPrev);
                return ChainVerification.intact(checked, unsealedWindow(), incremental, from);
            }
        }
    }

    /** A sealed batch whose rows no longer give its Merkle root, or whose recorded chain hash is not its last row's. */
    private ChainVerification checkBatch(ChainReader.ClosedBatch closed, long checked, boolean incremental, long from) {
        AuditMapper.Batch batch = closed.batch();
        if (closed.root() == null) {
            return null;
        }
        if (!closed.root().join().equals(batch.merkleRoot())) {
            return broken(checked, batch.firstSeq(), "第 " + batch.batchNo() + " 批（第 " + batch.firstSeq() + "–"
                    + batch.lastSeq() + " 条）的默克尔根与其记录不符（批次被改动）。", incremental, from);
        }
        if (!batch.chainHash().equals(closed.lastLeaf())) {
            return broken(checked, batch.lastSeq(), "第 " + batch.lastSeq() + " 条记录与其批次记下的链哈希不符。",
                    incremental, from);
        }
        return null;
    }

    private ChainVerification broken(long checked, long seq, String message, boolean incremental, long from) {
        return ChainVerification.broken(checked, seq, message, unsealedWindow(), incremental, from);
    }

    private void saveCheckpoint(long seq, String hash) {
        try {
            checkpointWriter.executeWithoutResult(status -> mapper.saveCheckpoint(new AuditMapper.Checkpoint(seq, hash,
                    LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))));
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint not saved (the next incremental verification starts earlier): {}", e.toString());
        }
    }

    /** How many rows wait for the sealer and how long the oldest has waited. */
    UnsealedWindow unsealedWindow() {
        AuditMapper.Unsealed unsealed = mapper.unsealed();
        long seconds = unsealed.oldest() == null ? 0
                : Math.max(0, ChronoUnit.SECONDS.between(unsealed.oldest(), LocalDateTime.now(clock)));
        return new UnsealedWindow(unsealed.waiting(), seconds);
    }

    /**
     * The inclusion proof of one row (RFC 6962, 2.1.1): its hash, its place in its batch, the audit path and the
     * batch's Merkle root; {@link MerkleTree#rootFromProof} (or any RFC 9162 client) recomputes the root from them.
     * Empty while the row is not sealed.
     */
    @Transactional(readOnly = true)
    public Optional<InclusionProof> proof(long id) {
        AuditEntry row = mapper.findById(id);
        if (row == null) {
            throw ApiException.notFound("AUDIT_ROW_NOT_FOUND", "没有编号为 " + id + " 的审计记录。");
        }
        if (row.seqNo() == null) {
            return Optional.empty();
        }
        AuditMapper.Batch batch = mapper.findBatch(batchNoOf(row));
        if (batch == null) {
            throw ApiException.notFound("AUDIT_ROW_NOT_IN_BATCH", "第 " + row.seqNo() + " 条记录早于批次封存，没有包含证明。");
        }
        List<String> leaves = mapper.rowHashesBetween(batch.firstSeq(), batch.lastSeq());
        int index = (int) (row.seqNo() - batch.firstSeq());
        return Optional.of(new InclusionProof(row.id(), row.seqNo(), row.rowHash(), batch.batchNo(), index,
                leaves.size(), MerkleTree.inclusionProof(leaves, index), batch.merkleRoot(), batch.sealedAt()));
    }

    private long batchNoOf(AuditEntry row) {
        Long batchNo = mapper.batchNoOf(row.id());
        return batchNo == null ? -1 : batchNo;
    }

    /** The rows about any of the given record numbers, whatever their record type, in chain order. */
    @Transactional(readOnly = true)
    public List<AuditEntry> ofRecordNumbers(java.util.Collection<String> recordNos) {
        if (recordNos.isEmpty()) {
            return List.of();
        }
        return mapper.findByRecordNos(List.copyOf(recordNos));
    }

    static String hashOf(AuditEntry row) {
        String content = String.join("\u001f",
                Long.toString(row.seqNo()), row.occurredAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                row.actor(), row.actorRoles(), nullToEmpty(row.actorOrg()), nullToEmpty(row.clientIp()),
                row.recordType(), row.recordNo(), row.action(), nullToEmpty(row.changes()), row.prevHash());
        return HexFormat.of().formatHex(SHA_256.get().digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: looking the algorithm up for every row was a tenth of a verification's hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String toJson(Map<String, ?> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        try {
            return CANONICAL_JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit changes cannot be written as JSON", e);
        }
    }

    /**
     * The result of walking the chain: intact, or the first row that breaks it; whether it walked only from the
     * last checkpoint ({@code fromSeq}); and the rows written but not yet sealed into the chain.
     */
    public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String message,
                                    boolean incremental, long fromSeq, long unsealedRows, long unsealedSeconds) {

        static ChainVerification intact(long rows, UnsealedWindow unsealed, boolean incremental, long fromSeq) {
            return new ChainVerification(true, rows, null, "审计日志完整，共校验 " + rows + " 条记录"
                    + (incremental ? "（自第 " + fromSeq + " 条检查点起）" : "") + "；待封存 " + unsealed.rows()
                    + " 条。", incremental, fromSeq, unsealed.rows(), unsealed.seconds());
        }

        static ChainVerification broken(long rows, long seq, String message, UnsealedWindow unsealed,
                                        boolean incremental, long fromSeq) {
            return new ChainVerification(false, rows, seq, message, incremental, fromSeq, unsealed.rows(),
                    unsealed.seconds());
        }
    }

    /** Rows written but not yet sealed into the chain, and the age of the oldest in seconds. */
    public record UnsealedWindow(long rows, long seconds) {
    }

    /** A row's inclusion proof in its batch's Merkle tree (RFC 6962). */
    public record InclusionProof(long id, long seqNo, String rowHash, long batchNo, long leafIndex, long treeSize,
                                 List<String> auditPath, String merkleRoot, LocalDateTime sealedAt) {
    }
}
