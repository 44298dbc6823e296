package org.jiandu.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sequencer of the audit log (transparency-log style, RFC 6962 / Trillian): business transactions append
 * their rows unsealed and take no shared lock; the sealer gives the committed rows their sequence numbers,
 * links and hashes, a batch at a time, and records the batch's Merkle root. One sealer at a time on the whole
 * cluster: a sealing transaction holds the chain head's row lock ({@code SELECT ... FOR UPDATE}), and only for
 * its own few statements.
 *
 * <p>It runs right after a writer's commit ({@link #sealAfterCommit()}, so a caller reading the log after its
 * action finds its row sealed, and concurrent writers share one sealing transaction: group commit), and every
 * {@code jiandu.audit.seal-interval} as a sweep for rows whose writer could not seal them (a failure, a node
 * that stopped).
 */
@Component
class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final AuditMapper mapper;
    private final Clock clock;
    private final TransactionTemplate sealing;
    private final int batchSize;
    private final ReentrantLock localSealer = new ReentrantLock();
    /** Sealing runs begun on this node, and the number of the last one finished (both guarded by localSealer). */
    private volatile long runsStarted;
    private volatile long lastRunFinished;

    AuditSealer(AuditMapper mapper, Clock clock, PlatformTransactionManager transactionManager,
                @Value("${jiandu.audit.batch-size:1000}") int batchSize) {
        this.mapper = mapper;
        this.clock = clock;
        this.sealing = new TransactionTemplate(transactionManager);
        this.sealing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = batchSize;
    }

    /**
     * Called after a writer's commit: returns once a sealing run that began after that commit has finished, so
     * the writer's row is sealed. A writer that finds a run under way waits for it and then, if that run began
     * before its commit, runs the next one for everybody who waited with it.
     */
    void sealAfterCommit() {
        long seen = runsStarted;
        localSealer.lock();
        try {
            if (lastRunFinished > seen) {
                return;
            }
            sealRun();
        } catch (RuntimeException e) {
            // the row is committed; the sweep seals it. The business action has succeeded and is not failed for this.
            log.warn("Audit rows left for the next sealing sweep: {}", e.toString());
        } finally {
            localSealer.unlock();
        }
    }

    /** The sweep: seals whatever is committed and unsealed. */
    @Scheduled(fixedDelayString = "${jiandu.audit.seal-interval:PT1S}", initialDelayString = "${jiandu.audit.seal-interval:PT1S}")
    void sweep() {
        if (!localSealer.tryLock()) {
            return;
        }
        try {
            sealRun();
        } catch (RuntimeException e) {
            log.warn("Audit sealing sweep failed, retried at the next one: {}", e.toString());
        } finally {
            localSealer.unlock();
        }
    }

    /** Seals every committed row now (tests, the benchmark's generator, an operator). Returns how many. */
    long sealAll() {
        localSealer.lock();
        try {
            return sealRun();
        } finally {
            localSealer.unlock();
        }
    }

    private long sealRun() {
        long run = ++runsStarted;
        long sealed = 0;
        int count;
        do {
            Integer batch = sealing.execute(status -> sealBatch());
            count = batch == null ? 0 : batch;
            sealed += count;
        } while (count == batchSize);
        lastRunFinished = run;
        return sealed;
    }

    /** One sealing transaction: up to batchSize committed rows into the chain, as one batch with its Merkle root. */
    private int sealBatch() {
        AuditMapper.ChainHead head = mapper.lockHead();
        List<AuditEntry> rows = mapper.findUnsealed(batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        long batchNo = head.lastBatch() + 1;
        long seq = head.lastSeq();
        String prev = head.lastHash();
        List<String> hashes = new ArrayList<>(rows.size());
        for (AuditEntry row : rows) {
            seq++;
            String hash = AuditLog.hashOf(row.placedAt(seq, prev));
            mapper.seal(row.id(), seq, prev, hash, batchNo);
            hashes.add(hash);
            prev = hash;
        }
        mapper.insertBatch(new AuditMapper.Batch(batchNo, head.lastSeq() + 1, seq, MerkleTree.root(hashes), prev,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
        mapper.moveHead(seq, prev, batchNo);
        return rows.size();
    }
}
