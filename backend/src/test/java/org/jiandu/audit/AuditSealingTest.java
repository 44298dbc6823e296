package org.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Audit rows are appended without a lock another business transaction waits for, sealed into the chain in
 * batches right after the commit, proven by their batch's Merkle root, and verified incrementally.
 */
class AuditSealingTest extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditSealer sealer;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aWriterDoesNotWaitForAnotherBusinessTransactionStillOpen() throws Exception {
        String recordNo = "AS-" + UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            auditLog.record("TEST", recordNo, "SLOW", Map.of("step", 1));
            written.countDown();
            await(release);
        }));
        try {
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            // before: this writer waited on the chain head's row lock until the slow transaction ended
            CompletableFuture<Void> fast = CompletableFuture.runAsync(() -> tx.executeWithoutResult(
                    status -> auditLog.record("TEST", recordNo, "FAST", Map.of("step", 2))));
            fast.get(20, TimeUnit.SECONDS);
            assertThat(jdbc.queryForObject("SELECT seq_no FROM audit_log WHERE record_no = ? AND action = 'FAST'",
                    Long.class, recordNo)).as("sealed right after its commit").isNotNull();
        } finally {
            release.countDown();
            slow.get(30, TimeUnit.SECONDS);
        }
        List<String> actions = jdbc.queryForList("SELECT action FROM audit_log WHERE record_no = ? ORDER BY seq_no",
                String.class, recordNo);
        assertThat(actions).containsExactly("FAST", "SLOW");
        assertThat(get("auditor", "/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anUnsealedRowIsReportedInTheWindowThenSealedWithAnInclusionProof() {
        String recordNo = "AS-" + UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        // a row as a node that stopped right after its commit leaves it: written, not sealed
        tx.executeWithoutResult(status -> jdbc.update("INSERT INTO audit_log (occurred_at, actor, actor_roles, record_type, "
                + "record_no, action) VALUES (CURRENT_TIMESTAMP, 'clerk', 'clerk', 'TEST', ?, 'UNSEALED')", recordNo));
        long id = jdbc.queryForObject("SELECT id FROM audit_log WHERE record_no = ?", Long.class, recordNo);
        JsonNode verify = get("auditor", "/api/audit/verify").body();
        assertThat(verify.get("intact").asBoolean()).isTrue();
        assertThat(verify.get("unsealedRows").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(get("auditor", "/api/audit/" + id + "/proof").code()).isEqualTo("AUDIT_ROW_NOT_SEALED");

        assertThat(sealer.sealAll()).isGreaterThanOrEqualTo(1);
        Response proof = get("auditor", "/api/audit/" + id + "/proof");
        assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
        JsonNode body = proof.body();
        List<String> path = json.convertValue(body.get("auditPath"), json.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertThat(MerkleTree.rootFromProof(body.get("rowHash").asText(), body.get("leafIndex").asLong(),
                body.get("treeSize").asLong(), path)).isEqualTo(body.get("merkleRoot").asText());
        assertThat(get("agency-scj", "/api/audit/" + id + "/proof").status()).isEqualTo(403);
        assertThat(get("auditor", "/api/audit/verify").body().get("unsealedRows").asLong()).isZero();
    }

    @Test
    void incrementalVerificationStartsAtTheCheckpointAndNoticesAChangedCheckpointRow() {
        assertThat(get("auditor", "/api/audit/verify").body().get("intact").asBoolean()).isTrue();
        String recordNo = "AS-" + UUID.randomUUID().toString().substring(0, 8);
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> auditLog.record("TEST", recordNo, "AFTER_CHECKPOINT", Map.of("n", 1)));
        JsonNode incremental = get("auditor", "/api/audit/verify?from=checkpoint").body();
        assertThat(incremental.get("intact").asBoolean()).as(incremental.toString()).isTrue();
        assertThat(incremental.get("incremental").asBoolean()).isTrue();
        assertThat(incremental.get("rowsChecked").asLong()).isBetween(1L, 5L);
        assertThat(get("auditor", "/api/audit/verify?from=yesterday").status()).isEqualTo(400);

        long checkpoint = incremental.get("fromSeq").asLong() + incremental.get("rowsChecked").asLong();
        String actor = jdbc.queryForObject("SELECT actor FROM audit_log WHERE seq_no = ?", String.class, checkpoint);
        jdbc.update("UPDATE audit_log SET actor = 'lead' WHERE seq_no = ?", checkpoint);
        try {
            JsonNode broken = get("auditor", "/api/audit/verify?from=checkpoint").body();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(checkpoint);
        } finally {
            jdbc.update("UPDATE audit_log SET actor = ? WHERE seq_no = ?", actor, checkpoint);
        }
        assertThat(get("auditor", "/api/audit/verify?from=checkpoint").body().get("intact").asBoolean()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
