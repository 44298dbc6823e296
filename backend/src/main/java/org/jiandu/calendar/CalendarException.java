package org.jiandu.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** An admin's exception to the statutory calendar for one date. */
public record CalendarException(LocalDate exceptionDate, DayKind kind, String name, String updatedBy,
                                LocalDateTime updatedAt) {
}
