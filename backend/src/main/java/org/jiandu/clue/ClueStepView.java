package org.jiandu.clue;

import java.time.LocalDateTime;

/** A decision taken on a clue (法制审核, 集体研究, 审批 ...), with its reasons. */
public record ClueStepView(String step, String decision, String opinion, String actor, LocalDateTime actedAt) {
}
