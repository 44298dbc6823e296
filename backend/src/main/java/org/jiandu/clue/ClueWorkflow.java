package org.jiandu.clue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jiandu.deadline.Deadlines;
import org.jiandu.identity.Actor;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the clue-transfer diagram does to the clue's records, in the engine's transaction: the status of
 * each step and the decision of each completed task (checked the same way for the REST API and Tasklist);
 * the transfer letter on approval is {@link IssueClueTransfer}.
 */
@Service
class ClueWorkflow {

    static final String RECORD_TYPE = "CLUE";
    static final String TRANSFER_POLICY = "clue.transfer";
    static final String OUTCOME_POLICY = "clue.outcome";

    private static final Set<ClueStatus> FINAL = EnumSet.of(ClueStatus.CLOSED, ClueStatus.REJECTED, ClueStatus.WITHDRAWN);
    /** The decisions the gateways read. */
    static final List<String> DECISION_VARIABLES = List.of(ClueProcess.LEGAL_REVIEW_PASSED, ClueProcess.RESUBMIT,
            ClueProcess.COLLECTIVE_AGREED, ClueProcess.LEAD_APPROVED);
    /** Texts a Tasklist form submits: kept in our tables, never as process variables. */
    static final List<String> TEXT_VARIABLES = List.of(ClueProcess.LEGAL_OPINION, ClueProcess.REVISION_NOTE,
            ClueProcess.MEETING_MINUTES, ClueProcess.LEAD_OPINION, ClueProcess.RECEIPT_NOTE, ClueProcess.OUTCOME_KIND,
            ClueProcess.OUTCOME_TEXT);

    private final ClueMapper clues;
    private final Deadlines deadlines;
    private final AuditLog auditLog;
    private final IdentityService identityService;
    private final Notifications notifications;
    private final Clock clock;

    ClueWorkflow(ClueMapper clues, Deadlines deadlines, AuditLog auditLog, IdentityService identityService,
                 Notifications notifications, Clock clock) {
        this.clues = clues;
        this.deadlines = deadlines;
        this.auditLog = auditLog;
        this.identityService = identityService;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The clue a process instance works on: the one its business key numbers, never one a variable names. */
    long idOf(DelegateExecution execution) {
        String clueNo = execution.getProcessBusinessKey();
        Long id = clues.idOf(clueNo);
        if (id == null) {
            throw new IllegalStateException("No clue " + clueNo);
        }
        return id;
    }

    /** Sets the status the diagram reached, and tells the handler when the clue is decided or closed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setStatus(long clueId, ClueStatus status) {
        LocalDateTime now = now();
        clues.updateStatus(clueId, status, FINAL.contains(status) ? now : null, now);
        String message = switch (status) {
            case REJECTED -> "移送建议未获同意，流程已结束。";
            case TRANSFERRED -> "已批准移送，移送函已编号生成，待受移送机关签收。";
            case CLOSED -> "处理结果已登记，问题线索已办结。";
            default -> null;
        };
        if (message != null) {
            Clue clue = clues.find(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
            notifications.notifyUsers(List.of(clue.handler()), NotificationKind.INFO,
                    "问题线索 " + clue.clueNo() + "：" + status.label(), message, RECORD_TYPE, clue.clueNo());
        }
    }

    /**
     * Checks and records what a completed task decided. {@code variables} reads the submitted values.
     * Throws (and so rolls the completion back) when something the step needs is missing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordStep(String taskKey, long clueId, Function<String, Object> variables) {
        Clue clue = clues.find(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
        String actor = actor();
        LocalDateTime now = now();
        Map<String, Object> changes = new LinkedHashMap<>();
        switch (ClueStep.of(taskKey)) {
            case LEGAL_REVIEW -> {
                boolean passed = decision(variables, ClueProcess.LEGAL_REVIEW_PASSED, "审核意见");
                String opinion = text(variables, ClueProcess.LEGAL_OPINION, "法制审核意见");
                clues.insertStep(clueId, "LEGAL_REVIEW", passed ? "PASSED" : "RETURNED", opinion, actor, now);
                changes.put("passed", passed);
                changes.put("opinion", opinion);
                auditLog.record(RECORD_TYPE, clue.clueNo(), passed ? "LEGAL_REVIEW_PASSED" : "LEGAL_REVIEW_RETURNED", changes);
            }
            case REVISE_PROPOSAL -> {
                boolean resubmit = decision(variables, ClueProcess.RESUBMIT, "处理方式");
                String note = text(variables, ClueProcess.REVISION_NOTE, "修改说明或撤回理由");
                clues.insertStep(clueId, "REVISION", resubmit ? "RESUBMITTED" : "WITHDRAWN", note, actor, now);
                changes.put("note", note);
                auditLog.record(RECORD_TYPE, clue.clueNo(), resubmit ? "PROPOSAL_RESUBMITTED" : "PROPOSAL_WITHDRAWN", changes);
            }
            case COLLECTIVE_DECISION -> {
                boolean agreed = decision(variables, ClueProcess.COLLECTIVE_AGREED, "集体研究结论");
                String minutes = text(variables, ClueProcess.MEETING_MINUTES, "会议纪要");
                clues.insertStep(clueId, "COLLECTIVE_DECISION", agreed ? "AGREED" : "DISAGREED", minutes, actor, now);
                changes.put("agreed", agreed);
                changes.put("minutes", minutes);
                auditLog.record(RECORD_TYPE, clue.clueNo(), "COLLECTIVE_DECISION_RECORDED", changes);
            }
            case LEAD_APPROVAL -> {
                boolean approved = decision(variables, ClueProcess.LEAD_APPROVED, "审批意见");
                String opinion = text(variables, ClueProcess.LEAD_OPINION, "审批意见说明");
                clues.insertStep(clueId, "LEAD_APPROVAL", approved ? "APPROVED" : "REJECTED", opinion, actor, now);
                changes.put("approved", approved);
                changes.put("opinion", opinion);
                auditLog.record(RECORD_TYPE, clue.clueNo(), approved ? "TRANSFER_APPROVED" : "TRANSFER_REJECTED", changes);
            }
            case ACKNOWLEDGE_RECEIPT -> {
                Object note = variables.apply(ClueProcess.RECEIPT_NOTE);
                LocalDate outcomeDue = deadlines.dueDate(OUTCOME_POLICY, now.toLocalDate());
                clues.markAcknowledged(clueId, actor, now, outcomeDue);
                clues.insertStep(clueId, "RECEIPT", "ACKNOWLEDGED", note == null ? null : note.toString().strip(), actor, now);
                changes.put("outcomeDue", outcomeDue);
                auditLog.record(RECORD_TYPE, clue.clueNo(), "RECEIPT_ACKNOWLEDGED", changes);
            }
            case RECORD_OUTCOME, RECORD_PAPER_OUTCOME -> {
                ClueOutcome kind = outcome(variables.apply(ClueProcess.OUTCOME_KIND));
                String text = text(variables, ClueProcess.OUTCOME_TEXT, "处理情况说明");
                boolean onPaper = ClueStep.of(taskKey) == ClueStep.RECORD_PAPER_OUTCOME;
                clues.recordOutcome(clueId, kind, text, onPaper, actor, now);
                clues.insertStep(clueId, "OUTCOME", kind.name(), text, actor, now);
                changes.put("outcome", kind);
                changes.put("text", text);
                changes.put("onPaper", onPaper);
                auditLog.record(RECORD_TYPE, clue.clueNo(), "OUTCOME_RECORDED", changes);
            }
            default -> throw new IllegalStateException("No step " + taskKey + " in clue-transfer");
        }
    }

    /** Who completed the step: the API's user, or the engine's authenticated user (Tasklist), or the system. */
    String actor() {
        return Actor.currentUser().map(user -> user.userId()).orElseGet(() -> {
            Authentication engineUser = identityService.getCurrentAuthentication();
            return engineUser != null && engineUser.getUserId() != null ? engineUser.getUserId() : Actor.SYSTEM;
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private static boolean decision(Function<String, Object> variables, String name, String label) {
        Object value = variables.apply(name);
        if (value instanceof Boolean decided) {
            return decided;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw ApiException.badRequest("STEP_INPUT_MISSING", "请填写“" + label + "”。");
    }

    private static String text(Function<String, Object> variables, String name, String label) {
        Object value = variables.apply(name);
        if (value == null || value.toString().isBlank()) {
            throw ApiException.badRequest("STEP_INPUT_MISSING", "请填写“" + label + "”。");
        }
        return value.toString().strip();
    }

    private static ClueOutcome outcome(Object value) {
        if (value != null) {
            for (ClueOutcome outcome : ClueOutcome.values()) {
                if (outcome.name().equals(value.toString())) {
                    return outcome;
                }
            }
        }
        throw ApiException.badRequest("STEP_INPUT_MISSING", "请选择有效的“处理结果”。");
    }
}
