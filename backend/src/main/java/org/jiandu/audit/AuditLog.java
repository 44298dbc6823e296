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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes one audit row per business action, inside the action's own transaction, chained to the row
 * before it by SHA-256. Writers take the chain head's row lock, so rows chain in commit order on any
 * number of nodes.
 */
@Service
public class AuditLog {

    private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final AuditMapper mapper;
    private final AuditActor.Source actors;
    private final Clock clock;

    AuditLog(AuditMapper mapper, AuditActor.Source actors, Clock clock) {
        this.mapper = mapper;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * Records an action on a record. {@code changes} maps a field to what it became, or to
     * {@link #change(Object, Object)} for a field whose old value matters.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, String recordNo, String action, Map<String, ?> changes) {
        AuditActor actor = actors.current();
        AuditMapper.ChainHead head = mapper.lockHead();
        long seqNo = head.lastSeq() + 1;
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String changesJson = toJson(changes);
        AuditEntry unsigned = new AuditEntry(0, seqNo, now, actor.userId(), actor.roles(), actor.orgCode(),
                actor.clientAddress(), recordType, recordNo, action, changesJson, head.lastHash(), null);
        String hash = hashOf(unsigned);
        mapper.insert(new AuditEntry(0, seqNo, now, unsigned.actor(), unsigned.actorRoles(), unsigned.actorOrg(),
                unsigned.clientIp(), recordType, recordNo, action, changesJson, head.lastHash(), hash));
        mapper.moveHead(seqNo, hash);
    }

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
     * Walks the whole chain from its first stored row and reports the first row whose content or link
     * does not match: a changed row (its hash no longer matches), a deleted row (a gap in the sequence or a
     * broken link), an inserted row (a broken link, a sequence number outside the chain, or rows beyond the
     * chain's head). Rows committed by other writers while the walk runs are followed, not reported: the
     * head is re-read at the end and the walk continues until it reaches it.
     *
     * <p>What the chain cannot show on its own: a rewrite of the whole tail together with the head row
     * (someone recomputing every hash from the altered row on). Publishing the head's hash elsewhere from
     * time to time closes that gap.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        String expectedPrev = "0".repeat(64);
        long expectedSeq = 1;
        long checked = 0;
        int batch = 1000;
        // Long.MIN_VALUE: rows slipped in below the first sequence number are walked (and reported) too
        List<AuditEntry> rows = mapper.findAfter(Long.MIN_VALUE, batch);
        while (true) {
            for (AuditEntry row : rows) {
                if (row.seqNo() != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, row.seqNo() > expectedSeq
                            ? "第 " + expectedSeq + " 条记录缺失（链条在此中断）。"
                            : "序号为 " + row.seqNo() + " 的记录不属于审计链（记录被插入）。");
                }
                if (!row.prevHash().equals(expectedPrev)) {
                    return ChainVerification.broken(checked, row.seqNo(),
                            "第 " + row.seqNo() + " 条记录与前一条记录的链接不符（前一条被修改、删除或插入）。");
                }
                if (!hashOf(row).equals(row.rowHash())) {
                    return ChainVerification.broken(checked, row.seqNo(),
                            "第 " + row.seqNo() + " 条记录的内容与其哈希不符（记录被修改）。");
                }
                expectedPrev = row.rowHash();
                expectedSeq++;
                checked++;
            }
            if (rows.size() == batch) {
                rows = mapper.findAfter(expectedSeq - 1, batch);
                continue;
            }
            AuditMapper.ChainHead head = mapper.head();
            if (head.lastSeq() > expectedSeq - 1) {
                // written by others after our last read: follow them up to the head
                rows = mapper.findAfter(expectedSeq - 1, batch);
                if (!rows.isEmpty()) {
                    continue;
                }
            }
            long walked = expectedSeq - 1;
            if (head.lastSeq() < walked) {
                return ChainVerification.broken(checked, head.lastSeq() + 1,
                        "第 " + (head.lastSeq() + 1) + " 条及以后的记录不在审计链内（记录被插入）。");
            }
            if (head.lastSeq() > walked) {
                return ChainVerification.broken(checked, expectedSeq,
                        "第 " + expectedSeq + " 条及以后的记录缺失（末尾记录被删除）。");
            }
            if (!head.lastHash().equals(expectedPrev)) {
                return ChainVerification.broken(checked, walked,
                        "第 " + walked + " 条记录与审计链尾部的哈希不符（末尾记录被修改）。");
            }
            return ChainVerification.intact(checked);
        }
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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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

    /** The result of walking the chain: intact, or the first row that breaks it. */
    public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String message) {

        static ChainVerification intact(long rows) {
            return new ChainVerification(true, rows, null, "审计日志完整，共校验 " + rows + " 条记录。");
        }

        static ChainVerification broken(long rows, long seq, String message) {
            return new ChainVerification(false, rows, seq, message);
        }
    }
}
