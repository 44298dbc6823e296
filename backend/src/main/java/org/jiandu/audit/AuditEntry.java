package org.jiandu.audit;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * One row of the audit log as stored. A row is written unsealed ({@code seqNo}, {@code prevHash} and
 * {@code rowHash} null) in its business transaction; the sealer gives it its place in the hash chain.
 */
public record AuditEntry(long id, Long seqNo, LocalDateTime occurredAt, String actor, String actorRoles,
                         String actorOrg, String clientIp, String recordType, String recordNo, String action,
                         String changes, String prevHash, String rowHash) {

    @AutomapConstructor
    public AuditEntry {
    }

    /** A row with its place in the chain. */
    public AuditEntry(long id, long seqNo, LocalDateTime occurredAt, String actor, String actorRoles, String actorOrg,
                      String clientIp, String recordType, String recordNo, String action, String changes,
                      String prevHash, String rowHash) {
        this(id, Long.valueOf(seqNo), occurredAt, actor, actorRoles, actorOrg, clientIp, recordType, recordNo, action,
                changes, prevHash, rowHash);
    }

    /** This row at chain position {@code seq}, linked to {@code prev}, not yet hashed. */
    AuditEntry placedAt(long seq, String prev) {
        return new AuditEntry(id, seq, occurredAt, actor, actorRoles, actorOrg, clientIp, recordType, recordNo, action,
                changes, prev, null);
    }
}
