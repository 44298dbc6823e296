package org.jiandu.inbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A task as its page shows it: its row, the remarks on its record (comments) and the history of the operations on it. */
@Service
class TaskDetails {

    private final TaskAccess access;
    private final InboxMapper mapper;
    private final Inbox inbox;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final Clock clock;

    TaskDetails(TaskAccess access, InboxMapper mapper, Inbox inbox, AuditLog auditLog, ObjectMapper json, Clock clock) {
        this.access = access;
        this.mapper = mapper;
        this.inbox = inbox;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
    }

    /** A task's row, its comments and the history of the operations on its record. */
    record TaskDetail(TaskRow task, List<CommentView> comments, List<AuditEntry> history) {
    }

    record CommentView(String userId, java.time.OffsetDateTime time, String message) {
    }

    @Transactional(readOnly = true)
    public TaskDetail detail(CurrentUser user, String taskId) {
        Task task = access.openTask(taskId);
        String processInstanceId;
        TaskRow row;
        if (task != null && (access.visible(taskId) || access.ccRecipient(user, taskId))) {
            TaskAccess.Current current = TaskAccess.guardAgency(user, access.load(taskId));
            processInstanceId = task.getProcessInstanceId();
            row = inbox.openRows(List.of(current.task())).get(0);
        } else {
            HistoricTaskInstance done = access.historicTask(taskId);
            if (done == null || !(user.userId().equals(done.getAssignee()) || access.ccRecipient(user, taskId))) {
                throw TaskAccess.notFound();
            }
            processInstanceId = done.getProcessInstanceId();
            row = inbox.historicRows(List.of(done)).get(0);
        }
        String recordNo = row.businessKey() != null ? row.businessKey() : processInstanceId;
        List<AuditEntry> history = auditLog.ofRecord(TaskRecords.WORKFLOW, recordNo);
        return new TaskDetail(row, comments(history), history);
    }

    @Transactional
    public void markCcRead(CurrentUser user, String taskId) {
        mapper.markCcRead(taskId, user.userId(), now());
    }

    /** The remarks of a record's task actions, from their audit rows. */
    private List<CommentView> comments(List<AuditEntry> history) {
        List<CommentView> comments = new ArrayList<>();
        for (AuditEntry row : history) {
            try {
                JsonNode comment = row.changes() == null ? null : json.readTree(row.changes()).get(TaskAccess.COMMENT);
                if (comment != null && comment.isTextual()) {
                    comments.add(new CommentView(row.actor(), row.occurredAt().atZone(clock.getZone()).toOffsetDateTime(),
                            comment.asText()));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable audit row " + row.id(), e);
            }
        }
        return comments;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
