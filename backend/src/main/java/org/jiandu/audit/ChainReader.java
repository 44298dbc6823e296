package org.jiandu.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Reads the sealed chain for a verification walk ahead of the walk's sequential checks, so that the database, the
 * decoding of rows and the hashing run at the same time instead of one after the other (docs/PERFORMANCE.md,
 * "Verification at scale"):
 * <ul>
 * <li>a reader thread of its own, on a pooled connection of its own, reads keyset pages of {@link #PAGE} rows in
 * sequence order ({@code seq_no > ? ORDER BY seq_no LIMIT n}: the unique index, never a sort of the table) with plain
 * JDBC, only the columns the hash covers, and queues at most two pages ahead;</li>
 * <li>each row's SHA-256 needs only its own content and its stored predecessor hash, so a page's hashes are computed
 * in slices on all cores as soon as it is read;</li>
 * <li>the rows of each sealed batch are gathered as they are read, exactly as the walk gathered them, and the batch's
 * RFC 6962 Merkle root is computed on the same cores.</li>
 * </ul>
 * The walk ({@link AuditLog}) still checks every row in order — sequence number, link to its predecessor, hash,
 * then the batch closed by the row before — and so reports the same first broken row with the same message. A walk
 * that stops early closes the reader; the pages it read ahead are dropped.
 */
final class ChainReader implements AutoCloseable {

    /** Rows per keyset page: large enough that a query costs nothing next to its rows, small enough for the heap. */
    static final int PAGE = 20_000;
    private static final int SLICE = 2_500;
    private static final Object END = new Object();
    private static final String SELECT = "SELECT seq_no, occurred_at, actor, actor_roles, actor_org, client_ip, "
            + "record_type, record_no, action, changes, prev_hash, row_hash FROM audit_log WHERE seq_no > ? "
            + "ORDER BY seq_no LIMIT " + PAGE;

    private final DataSource dataSource;
    private final Executor hashers;
    private final Batches batches;
    private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(2);
    private volatile boolean closed;
    /** What {@link #peek()} took from the queue and {@link #next()} has not returned yet (walk thread only). */
    private Object peeked;

    /**
     * @param from the sequence number the walk starts after: a batch that begins at or before it is only partly
     *             walked, so its root is not checked (as before)
     */
    ChainReader(DataSource dataSource, Executor hashers, long from, Collection<AuditMapper.Batch> batches) {
        this.dataSource = dataSource;
        this.hashers = hashers;
        this.batches = new Batches(from, batches);
    }

    /** Starts reading the rows sealed after {@code afterSeq}; {@link #next()} returns their pages, then null. */
    void readAfter(long afterSeq) {
        Thread reader = new Thread(() -> read(afterSeq), "audit-walk-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Batches sealed after the walk began, for a continued read (call only between reads: after next() gave null). */
    void addBatches(Collection<AuditMapper.Batch> sealed) {
        batches.pending.addAll(sealed);
    }

    /** The last batch known to the reader, or null. */
    AuditMapper.Batch lastKnownBatch() {
        return batches.pending.peekLast();
    }

    /** The next page of the current read, or null once it has reached the last sealed row. */
    Page next() {
        Page page = peek();
        peeked = null;
        return page;
    }

    /** The page {@link #next()} will return, without taking it. */
    Page peek() {
        if (peeked == null) {
            try {
                peeked = pages.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Audit verification interrupted", e);
            }
        }
        Object next = peeked;
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        if (next instanceof Error failure) {
            throw failure;
        }
        return next == END ? null : (Page) next;
    }

    @Override
    public void close() {
        closed = true;
        pages.clear();
    }

    private void read(long afterSeq) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            if (connection.getMetaData().getURL().startsWith("jdbc:mysql:")) {
                // Connector/J streams the rows as the server produces them (instead of reading the whole page before
                // handing over the first row): the server's reading and our decoding overlap
                select.setFetchSize(Integer.MIN_VALUE);
            }
            long after = afterSeq;
            while (!closed) {
                select.setLong(1, after);
                List<AuditEntry> rows = new ArrayList<>(PAGE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditEntry(0, rs.getLong(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
                    }
                }
                if (!rows.isEmpty()) {
                    put(new Page(rows, hashers, batches));
                    after = rows.get(rows.size() - 1).seqNo();
                }
                if (rows.size() < PAGE) {
                    put(END);
                    return;
                }
            }
        } catch (SQLException e) {
            put(new IllegalStateException("Reading the audit chain failed: " + e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            put(e);
        }
    }

    private void put(Object item) {
        try {
            while (!closed && !pages.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the walk is busy with the pages before; wait for room unless it has stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows read in one keyset page, with their hashes being checked on the hashing threads. */
    static final class Page {

        private final List<AuditEntry> rows;
        private final ClosedBatch[] closedBy;
        private final List<CompletableFuture<boolean[]>> slices = new ArrayList<>();

        private Page(List<AuditEntry> rows, Executor hashers, Batches batches) {
            this.rows = rows;
            this.closedBy = new ClosedBatch[rows.size()];
            for (int from = 0; from < rows.size(); from += SLICE) {
                int start = from;
                int end = Math.min(rows.size(), from + SLICE);
                slices.add(CompletableFuture.supplyAsync(() -> {
                    boolean[] matches = new boolean[end - start];
                    for (int i = start; i < end; i++) {
                        AuditEntry row = rows.get(i);
                        matches[i - start] = AuditLog.hashOf(row).equals(row.rowHash());
                    }
                    return matches;
                }, hashers));
            }
            for (int i = 0; i < rows.size(); i++) {
                closedBy[i] = batches.follow(rows.get(i), hashers);
            }
        }

        int size() {
            return rows.size();
        }

        AuditEntry row(int i) {
            return rows.get(i);
        }

        /** Whether row {@code i}'s stored hash is the SHA-256 of its content and stored link. */
        boolean hashMatches(int i) {
            return slices.get(i / SLICE).join()[i % SLICE];
        }

        /** The batch whose last row is row {@code i}, or null. */
        ClosedBatch closedBy(int i) {
            return closedBy[i];
        }
    }

    /**
     * A batch whose last row has been read: its Merkle root over the rows read for it (null when the walk began
     * inside the batch) and the hash of its last row.
     */
    record ClosedBatch(AuditMapper.Batch batch, CompletableFuture<String> root, String lastLeaf) {
    }

    /**
     * Gathers each batch's row hashes as the rows come, with the rule the walk has always used: a batch is current
     * from the first row after the batches before it end; a row belongs to it from its first sequence number on; the
     * row at its last sequence number closes it.
     */
    private static final class Batches {

        private final long from;
        private final ArrayDeque<AuditMapper.Batch> pending;
        private List<String> leaves = new ArrayList<>();

        Batches(long from, Collection<AuditMapper.Batch> batches) {
            this.from = from;
            this.pending = new ArrayDeque<>(batches);
        }

        ClosedBatch follow(AuditEntry row, Executor hashers) {
            while (!pending.isEmpty() && pending.peekFirst().lastSeq() < row.seqNo()) {
                pending.pollFirst();
                leaves = new ArrayList<>();
            }
            AuditMapper.Batch batch = pending.peekFirst();
            if (batch == null || batch.firstSeq() > row.seqNo()) {
                return null;
            }
            leaves.add(row.rowHash());
            if (batch.lastSeq() != row.seqNo()) {
                return null;
            }
            pending.pollFirst();
            List<String> batchLeaves = leaves;
            leaves = new ArrayList<>();
            CompletableFuture<String> root = batch.firstSeq() > from
                    ? CompletableFuture.supplyAsync(() -> MerkleTree.root(batchLeaves), hashers) : null;
            return new ClosedBatch(batch, root, row.rowHash());
        }
    }
}
