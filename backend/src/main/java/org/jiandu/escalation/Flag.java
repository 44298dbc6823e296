package org.jiandu.escalation;

/** How close a record is to its deadline: none, yellow (within the warning lead), red (overdue). */
public enum Flag {
    NONE, YELLOW, RED
}
