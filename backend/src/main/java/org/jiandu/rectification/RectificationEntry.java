package org.jiandu.rectification;

import java.time.LocalDateTime;

/** What happened in a rectification: plan, progress report, missed report, completion report, verification. */
public record RectificationEntry(long id, long rectificationId, String kind, String content, boolean onsiteCheck,
                                 boolean late, String actor, LocalDateTime occurredAt) {
}
