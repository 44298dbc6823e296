package org.jiandu.deadline;

import java.time.LocalDateTime;

/** A deadline rule: so many working or calendar days, and a reminder so many working days before. */
public record DeadlinePolicy(String policyKey, String description, int days, DayCount dayKind, int reminderDays,
                             String updatedBy, LocalDateTime updatedAt) {

    /** How a policy counts its days. */
    public enum DayCount {
        WORKING, CALENDAR
    }
}
