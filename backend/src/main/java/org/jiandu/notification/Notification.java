package org.jiandu.notification;

import java.time.LocalDateTime;

/** One message to one person. */
public record Notification(long id, String recipient, NotificationKind kind, String title, String body,
                           String recordType, String recordNo, LocalDateTime createdAt, LocalDateTime readAt) {
}
