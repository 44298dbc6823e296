package org.jiandu.rectification;

import java.time.LocalDateTime;

/** A row of {@code rectification}. */
public record RectificationRow(long id, String rectificationNo, long letterId, String agencyCode, String status,
                               String planText, Integer reportCycleDays, LocalDateTime planDue,
                               LocalDateTime completionDue, LocalDateTime nextReportDue, LocalDateTime createdAt,
                               LocalDateTime closedAt) {

    /** The deadline the agency works against now. */
    public LocalDateTime currentDue() {
        return switch (status) {
            case "PLANNING" -> planDue;
            case "IMPLEMENTING" -> nextReportDue != null && completionDue != null && nextReportDue.isBefore(completionDue)
                    ? nextReportDue : completionDue;
            default -> null;
        };
    }
}
