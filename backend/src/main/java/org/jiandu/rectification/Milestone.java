package org.jiandu.rectification;

import java.time.LocalDate;

/** A milestone of the agency's rectification plan. */
public record Milestone(long id, long rectificationId, String title, LocalDate dueDate) {
}
