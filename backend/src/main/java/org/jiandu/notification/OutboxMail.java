package org.jiandu.notification;

import java.time.LocalDateTime;

/** One e-mail in the outbox: who it is for, what it says, and how its delivery stands. */
public record OutboxMail(long id, String recipient, String toAddress, String subject, String body, Status status,
                         int attempts, LocalDateTime nextAttemptAt, String lastError, LocalDateTime createdAt,
                         LocalDateTime sentAt) {

    /** PENDING waits for its next attempt; SENDING is claimed by one node; SENT and FAILED are final (FAILED until an admin retries). */
    public enum Status {
        PENDING, SENDING, SENT, FAILED
    }

    static OutboxMail pending(String recipient, String toAddress, String subject, String body, LocalDateTime now) {
        return new OutboxMail(0, recipient, toAddress, subject, body, Status.PENDING, 0, now, null, now, null);
    }
}
