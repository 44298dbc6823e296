package org.jiandu.inbox;

import java.time.LocalDateTime;

/**
 * The filters of an inbox view, resolved: due-date flags and "due within N working days" have become
 * bounds on the due date (and, for yellow, on the creation time). Null means "any".
 */
record InboxFilter(String processKey, String businessKey, String agency, LocalDateTime dueAfter,
                   LocalDateTime dueBefore, LocalDateTime createdBefore, String text, Sort sort, boolean ascending) {

    /** How rows are ordered. */
    enum Sort {
        DUE, CREATED, PRIORITY
    }

    static InboxFilter none() {
        return new InboxFilter(null, null, null, null, null, null, null, Sort.CREATED, false);
    }
}
