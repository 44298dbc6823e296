package org.jiandu.escalation;

/** How close a record is to its deadline: none, yellow (within the warning lead, and not on the day its term began), red (overdue). */
public enum Flag {
    NONE, YELLOW, RED
}
