package org.jiandu.calendar;

/** Whether a day is worked. */
public enum DayKind {
    /** A day off: a public holiday, or a weekday given off locally. */
    HOLIDAY,
    /** A working day, including a weekend day made a workday (调休上班). */
    WORKDAY
}
