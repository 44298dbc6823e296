package org.jiandu.notification;

/** Why a person is told something. */
public enum NotificationKind {
    NEW_TASK, REMINDER, ESCALATION, URGE, CC, RETURNED, INFO, INCIDENT
}
