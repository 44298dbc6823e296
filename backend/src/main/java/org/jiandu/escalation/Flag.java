package org.jiandu.escalation;

import org.jiandu.web.ApiException;

/** How close a record is to its deadline: none, yellow (within the warning lead, and not on the day its term began), red (overdue). */
public enum Flag {
    NONE, YELLOW, RED;

    /** A list's {@code flag} filter as asked: absent or one of the flags' names; 400 {@code INVALID_FLAG} otherwise. */
    public static String requireKnown(String filter) {
        for (Flag flag : values()) {
            if (flag.name().equals(filter)) {
                return filter;
            }
        }
        if (filter != null) {
            throw ApiException.badRequest("INVALID_FLAG", "flag 只能是 NONE、YELLOW 或 RED。");
        }
        return null;
    }
}
