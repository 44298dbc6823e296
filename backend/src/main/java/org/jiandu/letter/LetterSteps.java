package org.jiandu.letter;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiandu.audit.AuditLog;
import org.jiandu.deadline.Deadlines;
import org.jiandu.identity.OrgUnit;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Component;

/**
 * What the letter's process records as it moves, called by its diagram ({@code ${letterSteps...}}; public, so that
 * the expression language can call it): its start, each step's completion (validated and recorded by the step's
 * completion listener, so a task completed in Tasklist is checked and recorded the same way) and its end.
 */
@Component("letterSteps")
public class LetterSteps {

    private static final String RECORD = LetterService.RECORD;

    private final LetterMapper mapper;
    private final LetterAccess access;
    private final ProcessTasks tasks;
    private final Deadlines deadlines;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    LetterSteps(LetterMapper mapper, LetterAccess access, ProcessTasks tasks, Deadlines deadlines,
                Notifications notifications, AuditLog auditLog, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Start of the letter's process: its agency as a variable (the candidate group of the agency's steps), and its
     * name (Tasklist's task cards).
     */
    public void started(DelegateExecution execution) {
        LetterRow letter = access.letterOf(execution);
        execution.setVariable(LetterProcess.AGENCY_CODE, letter.agencyCode());
        execution.setVariable(LetterProcess.AGENCY_NAME, access.agencyName(letter.agencyCode()));
        auditLog.record(RECORD, letter.letterNo(), "LETTER_PROCESS_STARTED", Map.of("agency", letter.agencyCode()));
    }

    /** Completion of any of the letter's user tasks: validates what the step needs and records it. */
    public void completed(DelegateTask task) {
        LetterRow letter = access.letterOf(task.getExecution());
        long id = letter.id();
        String actor = tasks.actorId();
        LocalDateTime now = now();
        switch (LetterStep.of(task.getTaskDefinitionKey())) {
            case DRAFT -> {
                boolean rectification = ProcessTasks.requiredDecision(task, LetterProcess.RECTIFICATION_REQUIRED, "是否需要整改");
                mapper.updateRectificationRequired(id, rectification);
                mapper.updateStatus(id, LetterStatus.LEGAL_REVIEW.name());
                auditLog.record(RECORD, letter.letterNo(), "DRAFT_SUBMITTED", Map.of("title", letter.title()));
            }
            case LEGAL_REVIEW -> {
                boolean passed = ProcessTasks.requiredDecision(task, LetterProcess.LEGAL_PASSED, "审核结论");
                String reason = passed ? ProcessTasks.optionalText(task, LetterProcess.REASON)
                        : ProcessTasks.requiredText(task, LetterProcess.REASON, "退回理由");
                mapper.insertDecision(id, "LEGAL_REVIEW", passed ? "PASSED" : "RETURNED", reason, true, actor, now);
                mapper.updateStatus(id, passed ? LetterStatus.SIGNING.name() : LetterStatus.DRAFTING.name());
                auditLog.record(RECORD, letter.letterNo(), passed ? "LEGAL_REVIEW_PASSED" : "LEGAL_REVIEW_RETURNED",
                        reasonOnly(reason));
            }
            case SIGN -> {
                boolean signed = ProcessTasks.requiredDecision(task, LetterProcess.SIGNED, "签发决定");
                String reason = signed ? ProcessTasks.optionalText(task, LetterProcess.REASON)
                        : ProcessTasks.requiredText(task, LetterProcess.REASON, "退回理由");
                mapper.insertDecision(id, "SIGNING", signed ? "SIGNED" : "RETURNED", reason, !signed, actor, now);
                if (signed) {
                    mapper.markSigned(id, actor, now);
                } else {
                    mapper.updateStatus(id, LetterStatus.DRAFTING.name());
                }
                auditLog.record(RECORD, letter.letterNo(), signed ? "LETTER_SIGNED" : "SIGNING_RETURNED", reasonOnly(reason));
            }
            case RECEIVE -> {
                Date due = deadlines.dueWithDays("letter.reply", Date.from(now.atZone(clock.getZone()).toInstant()),
                        letter.replyDays() == null ? 0 : letter.replyDays());
                task.getExecution().setVariable(LetterProcess.REPLY_DUE, due);
                mapper.markReceived(id, actor, now, local(due));
                auditLog.record(RECORD, letter.letterNo(), "LETTER_RECEIVED", Map.of("replyDue", local(due).toString()));
            }
            case REPLY -> {
                String text = ProcessTasks.requiredText(task, LetterProcess.REPLY_TEXT, "回复内容");
                boolean late = letter.replyDue() != null && now.isAfter(letter.replyDue());
                mapper.insertReply(id, text, actor, now, late);
                mapper.updateStatus(id, LetterStatus.REPLIED.name());
                auditLog.record(RECORD, letter.letterNo(), "REPLY_SUBMITTED", Map.of("late", late));
            }
            case REVIEW_REPLY -> {
                boolean accepted = ProcessTasks.requiredDecision(task, LetterProcess.REPLY_ACCEPTED, "审查结论");
                String reason = accepted ? ProcessTasks.optionalText(task, LetterProcess.REASON)
                        : ProcessTasks.requiredText(task, LetterProcess.REASON, "退回理由");
                mapper.insertDecision(id, "REPLY_REVIEW", accepted ? "ACCEPTED" : "RETURNED", reason, false, actor, now);
                if (accepted) {
                    mapper.updateStatus(id, letter.rectificationRequired() ? LetterStatus.RECTIFYING.name() : LetterStatus.REPLY_ACCEPTED.name());
                } else {
                    Date due = deadlines.due("letter.resubmit", Date.from(now.atZone(clock.getZone()).toInstant()));
                    task.getExecution().setVariable(LetterProcess.REPLY_DUE, due);
                    mapper.updateReplyDue(id, local(due), LetterStatus.RECEIVED.name());
                    notifications.notifyGroup(OrgUnit.groupIdOf(letter.agencyCode()), NotificationKind.RETURNED,
                            "建议书回复被退回：" + letter.docNo(), reason, RECORD, letter.letterNo());
                }
                auditLog.record(RECORD, letter.letterNo(), accepted ? "REPLY_ACCEPTED" : "REPLY_RETURNED", reasonOnly(reason));
            }
            default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
        }
    }

    /** The end of the letter's process: the letter is closed. */
    public void closed(DelegateExecution execution) {
        LetterRow letter = access.letterOf(execution);
        long id = letter.id();
        mapper.close(id, now());
        auditLog.record(RECORD, letter.letterNo(), "LETTER_CLOSED", Map.of("status", AuditLog.change(letter.status(), "CLOSED")));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.of(clock.getZone().getId()));
    }

    private static Map<String, Object> reasonOnly(String reason) {
        return reason == null ? Map.of() : Map.of("reason", reason);
    }
}
