package org.jiandu.complaint;

import java.time.LocalDateTime;

/** The columns one step changes on a complaint; null fields stay as they are. */
final class ComplaintUpdate {
    public final long id;
    public final LocalDateTime updatedAt;
    public ComplaintStatus status;
    public String statusNote;
    public String handedOverTo;
    public String supervisorId;
    public LocalDateTime investigationDue;
    public Boolean extended;
    public String findings;
    public String proposal;
    public String replyText;
    public Long replyDocumentId;
    public String replyDocNo;
    public LocalDateTime repliedAt;
    public String satisfaction;
    public Integer reopenCount;
    public LocalDateTime acceptedAt;
    public LocalDateTime closedAt;

    ComplaintUpdate(long id, LocalDateTime updatedAt) {
        this.id = id;
        this.updatedAt = updatedAt;
    }
}
