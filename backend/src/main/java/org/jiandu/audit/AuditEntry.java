package org.jiandu.audit;

import java.time.LocalDateTime;

/** One row of the audit log as stored. */
public record AuditEntry(long id, long seqNo, LocalDateTime occurredAt, String actor, String actorRoles,
                         String actorOrg, String clientIp, String recordType, String recordNo, String action,
                         String changes, String prevHash, String rowHash) {
}
