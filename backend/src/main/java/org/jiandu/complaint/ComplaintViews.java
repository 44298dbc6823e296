package org.jiandu.complaint;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/** What the complaint API answers with. */
final class ComplaintViews {

    private ComplaintViews() {
    }

    /** The complainant as the caller may see them: in full for handlers, masked for other staff. */
    record Complainant(boolean anonymous, String name, String phone, String address, boolean masked) {
    }

    /** A line of the staff list. */
    record ListItem(long id, String trackingNo, ComplaintSource source, String sourceLabel, Complainant complainant,
                    String agencyCode, String agencyName, String agencyText, String fieldCode, String fieldName,
                    ComplaintStatus status, String statusLabel, LocalDateTime registeredAt, LocalDateTime closedAt,
                    OffsetDateTime currentDue, boolean overdue) {
    }

    /** An open step of the process: who holds it and when it is due. */
    record CurrentStep(String taskId, String taskKey, String name, String assignee, List<String> candidateGroups,
                       OffsetDateTime due, boolean overdue) {
    }

    record Decision(String step, String stepLabel, String decision, String reason, String actor, String actorName,
                    String actorRole, LocalDateTime decidedAt) {
    }

    record FollowUp(String targetType, Long targetId, String targetRecordNo, String createdBy, LocalDateTime createdAt,
                    LocalDateTime linkedAt) {
    }

    record Escalation(String taskKey, String taskName, String assignee, LocalDateTime dueAt, LocalDateTime escalatedAt) {
    }

    record Document(long id, String docType, String docNo, String title, String fileName, String contentType,
                    long sizeBytes, String sha256, int version, String createdBy, LocalDateTime createdAt) {
    }

    /** Everything staff see of a complaint. */
    record Detail(long id, String trackingNo, ComplaintSource source, String sourceLabel, String hotlineOrderNo,
                  String referralNo, Complainant complainant, String agencyCode, String agencyName, String agencyText,
                  String fieldCode, String fieldName, LocalDate occurredOn, String occurredPlace, String facts,
                  String demands, ComplaintStatus status, String statusLabel, String statusNote, String handedOverTo,
                  String supervisorId, LocalDateTime investigationDue, boolean extended, String findings,
                  String proposal, String replyDocNo, LocalDateTime repliedAt, String replyText, String satisfaction,
                  int reopenCount, String registeredBy, LocalDateTime registeredAt, LocalDateTime acceptedAt,
                  LocalDateTime closedAt, List<CurrentStep> currentSteps, List<Decision> decisions,
                  List<FollowUp> followUps, List<Escalation> escalations, List<Document> documents,
                  List<Document> evidence) {
    }

    /** What the complainant sees with the tracking number and query code: status, dates, the reply. Nothing internal. */
    record PublicStatus(String trackingNo, ComplaintStatus status, String statusLabel, String statusNote,
                        LocalDateTime registeredAt, LocalDateTime acceptedAt, LocalDateTime closedAt, Reply reply) {
    }

    /** The written reply as sent to the complainant. */
    record Reply(String docNo, String text, LocalDateTime repliedAt, String downloadPath) {
    }

    /** The answer to a public submission. */
    record IntakeAnswer(String trackingNo, String queryCode, ComplaintStatus status, String statusLabel,
                        LocalDateTime registeredAt, String message) {
    }

    /** The answer to a clerk's registration. */
    record Registration(long id, String trackingNo, String queryCode, ComplaintStatus status, boolean duplicate) {
    }
}
