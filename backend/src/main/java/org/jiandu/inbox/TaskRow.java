package org.jiandu.inbox;

import java.time.OffsetDateTime;

/**
 * One line of the inbox: what a person needs to choose the next task to work on.
 * {@code completed} is set in the 已办 view, {@code ccBy}/{@code ccRead} in the 抄送我的 view.
 */
record TaskRow(String id, String title, String businessKey, String processKey, String processName,
               String agencyCode, String agencyName, String stepName, String assignee, String assigneeName,
               String owner, String delegationState, OffsetDateTime created, OffsetDateTime due,
               OffsetDateTime completed, Integer priority, Flag flag, String ccBy, Boolean ccRead) {

    /** The due-date flag: red when overdue, yellow close to the due date (within the warning period, not on the day the task arrived), none otherwise. */
    enum Flag {
        NONE, YELLOW, RED
    }
}
