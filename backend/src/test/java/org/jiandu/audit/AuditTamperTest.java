package org.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the audit table behind the application's back (plain SQL) is found by
 * {@code GET /api/audit/verify}. Every test puts the table back as it was: the database is shared.
 */
class AuditTamperTest extends IntegrationTest {

    private static final String COLUMNS = "id, seq_no, occurred_at, actor, actor_roles, actor_org, client_ip, "
            + "record_type, record_no, action, changes, prev_hash, row_hash";

    @Autowired
    AuditLog auditLog;

    @Autowired
    PlatformTransactionManager transactionManager;

    private String recordNo;
    private List<Long> seqs;

    @BeforeEach
    void writeThreeRows() {
        recordNo = "AT-" + UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> auditLog.record("TEST", recordNo, "CREATE", Map.of("status", "NEW")));
        tx.executeWithoutResult(status -> auditLog.record("TEST", recordNo, "DECIDE",
                Map.of("status", AuditLog.change("NEW", "ACCEPTED"))));
        tx.executeWithoutResult(status -> auditLog.record("TEST", recordNo, "CLOSE",
                Map.of("status", AuditLog.change("ACCEPTED", "CLOSED"))));
        seqs = jdbc.queryForList("SELECT seq_no FROM audit_log WHERE record_no = ? ORDER BY seq_no", Long.class,
                recordNo);
        assertThat(seqs).hasSize(3);
        assertThat(verify().get("intact").asBoolean()).as("chain before tampering").isTrue();
    }

    @Test
    void auditorReadsTheRowsOfARecordAndVerifiesTheChain() {
        Response rows = get("auditor", "/api/audit?recordNo=" + recordNo);
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.body().findValuesAsText("action")).containsExactly("CREATE", "DECIDE", "CLOSE");
        assertThat(rows.body().get(1).get("changes").asText()).contains("\"before\":\"NEW\"", "\"after\":\"ACCEPTED\"");
        assertThat(rows.body().get(1).get("prevHash").asText()).isEqualTo(rows.body().get(0).get("rowHash").asText());
        assertThat(get("auditor", "/api/audit?recordType=TEST&recordNo=" + recordNo).body()).hasSize(3);

        Response verify = get("auditor", "/api/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body().get("intact").asBoolean()).isTrue();
        assertThat(verify.body().get("rowsChecked").asLong()).isGreaterThanOrEqualTo(seqs.get(2));
        assertThat(get("agency-scj", "/api/audit/verify").status()).isEqualTo(403);
        assertThat(get("supervisor", "/api/audit?recordNo=" + recordNo).status()).isEqualTo(403);
    }

    @Test
    void alteredRowIsDetected() {
        long middle = seqs.get(1);
        String original = jdbc.queryForObject("SELECT changes FROM audit_log WHERE seq_no = ?", String.class, middle);
        jdbc.update("UPDATE audit_log SET changes = ? WHERE seq_no = ?", "{\"status\":\"REJECTED\"}", middle);
        try {
            var result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(middle);
            assertThat(result.get("message").asText()).contains("哈希");
        } finally {
            jdbc.update("UPDATE audit_log SET changes = ? WHERE seq_no = ?", original, middle);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void alteredRowWithRecomputedHashBreaksTheLinkOfTheNextRow() {
        long middle = seqs.get(1);
        Map<String, Object> original = jdbc.queryForMap("SELECT actor, row_hash FROM audit_log WHERE seq_no = ?", middle);
        AuditEntry row = jdbc.queryForObject("SELECT " + COLUMNS + " FROM audit_log WHERE seq_no = ?",
                (rs, i) -> new AuditEntry(rs.getLong("id"), rs.getLong("seq_no"),
                        rs.getObject("occurred_at", LocalDateTime.class), "lead", rs.getString("actor_roles"),
                        rs.getString("actor_org"), rs.getString("client_ip"), rs.getString("record_type"),
                        rs.getString("record_no"), rs.getString("action"), rs.getString("changes"),
                        rs.getString("prev_hash"), null), middle);
        jdbc.update("UPDATE audit_log SET actor = 'lead', row_hash = ? WHERE seq_no = ?", AuditLog.hashOf(row), middle);
        try {
            var result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(seqs.get(2));
        } finally {
            jdbc.update("UPDATE audit_log SET actor = ?, row_hash = ? WHERE seq_no = ?", original.get("actor"),
                    original.get("row_hash"), middle);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void deletedRowIsDetected() {
        long middle = seqs.get(1);
        Map<String, Object> saved = jdbc.queryForMap("SELECT " + COLUMNS + " FROM audit_log WHERE seq_no = ?", middle);
        jdbc.update("DELETE FROM audit_log WHERE seq_no = ?", middle);
        try {
            var result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(middle);
            assertThat(result.get("message").asText()).contains("缺失");
        } finally {
            reinsert(saved);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void deletedLastRowIsDetected() {
        long last = seqs.get(2);
        Map<String, Object> saved = jdbc.queryForMap("SELECT " + COLUMNS + " FROM audit_log WHERE seq_no = ?", last);
        jdbc.update("DELETE FROM audit_log WHERE seq_no = ?", last);
        try {
            var result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(last);
        } finally {
            reinsert(saved);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void rowInsertedAfterTheHeadIsDetectedEvenWithAValidHash() {
        long last = seqs.get(2);
        String lastHash = jdbc.queryForObject("SELECT row_hash FROM audit_log WHERE seq_no = ?", String.class, last);
        AuditEntry forged = new AuditEntry(0, last + 1, LocalDateTime.of(2026, 1, 5, 10, 0), "lead", "lead", "SFJ-JDK",
                "10.0.0.9", "TEST", recordNo, "APPROVE", null, lastHash, null);
        insert(forged, AuditLog.hashOf(forged));
        try {
            var result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(last + 1);
            assertThat(result.get("message").asText()).contains("插入");
        } finally {
            jdbc.update("DELETE FROM audit_log WHERE seq_no = ?", last + 1);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void rowInsertedBeforeTheFirstIsDetected() {
        AuditEntry forged = new AuditEntry(0, 0, LocalDateTime.of(2020, 1, 6, 10, 0), "lead", "lead", "SFJ-JDK",
                null, "TEST", recordNo, "APPROVE", null, "0".repeat(64), null);
        insert(forged, AuditLog.hashOf(forged));
        try {
            var result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(1);
            assertThat(result.get("message").asText()).contains("插入");
        } finally {
            jdbc.update("DELETE FROM audit_log WHERE seq_no = 0");
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    private com.fasterxml.jackson.databind.JsonNode verify() {
        Response response = get("auditor", "/api/audit/verify");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private void insert(AuditEntry row, String hash) {
        jdbc.update("INSERT INTO audit_log (seq_no, occurred_at, actor, actor_roles, actor_org, client_ip, record_type, "
                        + "record_no, action, changes, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.seqNo(), row.occurredAt(), row.actor(), row.actorRoles(), row.actorOrg(), row.clientIp(),
                row.recordType(), row.recordNo(), row.action(), row.changes(), row.prevHash(), hash);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("id"), row.get("seq_no"), row.get("occurred_at"), row.get("actor"), row.get("actor_roles"),
                row.get("actor_org"), row.get("client_ip"), row.get("record_type"), row.get("record_no"),
                row.get("action"), row.get("changes"), row.get("prev_hash"), row.get("row_hash"));
    }
}
