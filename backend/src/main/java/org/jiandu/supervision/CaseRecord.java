package org.jiandu.supervision;

import java.time.LocalDateTime;

/** An investigation record: evidence, interview notes or a note, with its stored file if any. */
public record CaseRecord(long id, long caseId, String kind, String content, Long documentId, String recordedBy,
                         LocalDateTime recordedAt) {
}
