package org.jiandu.archive;

import java.time.LocalDateTime;

/** One archived record: where its package lies and the SHA-256 of its manifest, which vouches for every file. */
public record ArchivePackage(long id, String businessKey, String processInstanceId, String processKey,
                             String retention, LocalDateTime closedAt, LocalDateTime keptUntil, String location,
                             String manifestSha256, int files, LocalDateTime archivedAt) {
}
