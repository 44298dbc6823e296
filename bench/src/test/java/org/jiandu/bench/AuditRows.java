package org.jiandu.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes sealed audit rows straight into the application's database, as the sealer would: sequence numbers,
 * SHA-256 chain links, a batch row with its RFC 6962 Merkle root per {@code batchSize} rows, the head moved. The
 * hash and tree formulas mirror org.jiandu.audit.AuditLog.hashOf and MerkleTree; if they ever differ, the
 * application's verification reports the generated rows as broken and the benchmark fails, as it should.
 */
final class AuditRows {

    private static final HexFormat HEX = HexFormat.of();

    private AuditRows() {
    }

    static Connection connect() throws SQLException {
        String url = System.getProperty("bench.jdbcUrl");
        if (url.startsWith("jdbc:mysql")) {
            url += (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        }
        return DriverManager.getConnection(url, System.getProperty("bench.jdbcUser", "sa"),
                System.getProperty("bench.jdbcPassword", ""));
    }

    /** Appends {@code count} sealed rows after the chain's head. Returns the seconds it took. */
    static double append(long count, int batchSize) throws Exception {
        long started = System.nanoTime();
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            long seq;
            String prev;
            long batchNo;
            try (Statement st = db.createStatement();
                 ResultSet head = st.executeQuery("SELECT last_seq, last_hash, last_batch FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
                head.next();
                seq = head.getLong(1);
                prev = head.getString(2);
                batchNo = head.getLong(3);
            }
            LocalDateTime at = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusDays(365);
            try (PreparedStatement row = db.prepareStatement("INSERT INTO audit_log (seq_no, occurred_at, actor, actor_roles, "
                    + "actor_org, client_ip, record_type, record_no, action, changes, prev_hash, row_hash, batch_no) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement batch = db.prepareStatement("INSERT INTO audit_batch (batch_no, first_seq, last_seq, "
                         + "merkle_root, chain_hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                long written = 0;
                while (written < count) {
                    int n = (int) Math.min(batchSize, count - written);
                    batchNo++;
                    long first = seq + 1;
                    List<String> leaves = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        seq++;
                        at = at.plusSeconds(3);
                        String recordNo = "TS-2025-" + (100000 + seq % 900000);
                        String changes = "{\"status\":\"REGISTERED\",\"step\":" + (seq % 8) + "}";
                        String hash = hash(seq, at, "clerk", "clerk", "SFJ-JDK", "10.0.0.1", "COMPLAINT", recordNo,
                                "TASK_COMPLETED", changes, prev);
                        row.setLong(1, seq);
                        row.setObject(2, at);
                        row.setString(3, "clerk");
                        row.setString(4, "clerk");
                        row.setString(5, "SFJ-JDK");
                        row.setString(6, "10.0.0.1");
                        row.setString(7, "COMPLAINT");
                        row.setString(8, recordNo);
                        row.setString(9, "TASK_COMPLETED");
                        row.setString(10, changes);
                        row.setString(11, prev);
                        row.setString(12, hash);
                        row.setLong(13, batchNo);
                        row.addBatch();
                        leaves.add(hash);
                        prev = hash;
                    }
                    row.executeBatch();
                    batch.setLong(1, batchNo);
                    batch.setLong(2, first);
                    batch.setLong(3, seq);
                    batch.setString(4, merkleRoot(leaves));
                    batch.setString(5, prev);
                    batch.setObject(6, at);
                    batch.executeUpdate();
                    written += n;
                    if (written % 50_000 < batchSize) {
                        moveHead(db, seq, prev, batchNo);
                        db.commit();
                        if (written % 500_000 < batchSize) {
                            System.out.println("BENCH audit rows written: " + written);
                        }
                    }
                }
                moveHead(db, seq, prev, batchNo);
                db.commit();
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** An audit row's content, before the sealer gives it its place in the chain. */
    record Row(LocalDateTime occurredAt, String actor, String actorRoles, String actorOrg, String clientIp,
               String recordType, String recordNo, String action, String changes) {
    }

    /**
     * Appends {@code rows} after the chain's head in the caller's transaction, sealed: sequence numbers, links,
     * one audit_batch (Merkle root, chain hash) per {@code batchSize} rows, the head moved. The caller commits.
     */
    static void appendSealed(Connection db, List<Row> rows, int batchSize) throws SQLException {
        long seq;
        String prev;
        long batchNo;
        try (Statement st = db.createStatement();
             ResultSet head = st.executeQuery("SELECT last_seq, last_hash, last_batch FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
            head.next();
            seq = head.getLong(1);
            prev = head.getString(2);
            batchNo = head.getLong(3);
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO audit_log (seq_no, occurred_at, actor, actor_roles, "
                + "actor_org, client_ip, record_type, record_no, action, changes, prev_hash, row_hash, batch_no) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement batch = db.prepareStatement("INSERT INTO audit_batch (batch_no, first_seq, last_seq, "
                     + "merkle_root, chain_hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Row> part = rows.subList(from, Math.min(rows.size(), from + batchSize));
                batchNo++;
                long first = seq + 1;
                List<String> leaves = new ArrayList<>(part.size());
                for (Row row : part) {
                    seq++;
                    String hash;
                    try {
                        hash = hash(seq, row.occurredAt(), row.actor(), row.actorRoles(), empty(row.actorOrg()),
                                empty(row.clientIp()), row.recordType(), row.recordNo(), row.action(), empty(row.changes()), prev);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    insert.setLong(1, seq);
                    insert.setObject(2, row.occurredAt());
                    insert.setString(3, row.actor());
                    insert.setString(4, row.actorRoles());
                    insert.setString(5, row.actorOrg());
                    insert.setString(6, row.clientIp());
                    insert.setString(7, row.recordType());
                    insert.setString(8, row.recordNo());
                    insert.setString(9, row.action());
                    insert.setString(10, row.changes());
                    insert.setString(11, prev);
                    insert.setString(12, hash);
                    insert.setLong(13, batchNo);
                    insert.addBatch();
                    leaves.add(hash);
                    prev = hash;
                }
                insert.executeBatch();
                batch.setLong(1, batchNo);
                batch.setLong(2, first);
                batch.setLong(3, seq);
                try {
                    batch.setString(4, merkleRoot(leaves));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                batch.setString(5, prev);
                batch.setObject(6, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
                batch.executeUpdate();
            }
        }
        moveHead(db, seq, prev, batchNo);
    }

    private static String empty(String text) {
        return text == null ? "" : text;
    }

    static long sealedRows() throws SQLException {
        try (Connection db = connect(); Statement st = db.createStatement();
             ResultSet head = st.executeQuery("SELECT last_seq FROM audit_chain_head WHERE id = 1")) {
            head.next();
            return head.getLong(1);
        }
    }

    private static void moveHead(Connection db, long seq, String hash, long batchNo) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_batch = ? WHERE id = 1")) {
            st.setLong(1, seq);
            st.setString(2, hash);
            st.setLong(3, batchNo);
            st.executeUpdate();
        }
    }

    private static String hash(long seq, LocalDateTime at, String actor, String roles, String org, String ip,
                               String recordType, String recordNo, String action, String changes, String prev)
            throws Exception {
        String content = String.join("\u001f", Long.toString(seq), at.toString(), actor, roles, org, ip, recordType,
                recordNo, action, changes, prev);
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String merkleRoot(List<String> leaves) throws Exception {
        List<byte[]> hashed = new ArrayList<>(leaves.size());
        for (String leaf : leaves) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 0);
            hashed.add(digest.digest(HEX.parseHex(leaf)));
        }
        return HEX.formatHex(root(hashed, 0, hashed.size()));
    }

    private static byte[] root(List<byte[]> hashed, int from, int to) throws Exception {
        if (to - from == 1) {
            return hashed.get(from);
        }
        int k = Integer.highestOneBit(to - from - 1);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) 1);
        digest.update(root(hashed, from, from + k));
        return digest.digest(root(hashed, from + k, to));
    }
}
