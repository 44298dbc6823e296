package org.jiandu.clue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * each step ({@code ${clueWorkflow.status(execution, 'STATUS')}}) and the decision of each completed task
 * ({@code ${clueWorkflow.completed(task)}}, checked the same way for the REST API and Tasklist); the transfer letter
 * on approval is {@link IssueClueTransfer}. Public, so that the expression language can call it.
 */
@Service("clueWorkflow")
public class ClueWorkflow {

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

    /** The diagram sets the clue's status as it enters a step (an execution listener on {@code start}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void status(DelegateExecution execution, String status) {
        setStatus(idOf(execution), ClueStatus.valueOf(status));
    }

    /**
     * On completing any clue task, from the REST API or from Tasklist: checks what was submitted and records the
     * decision and its reasons in the clue's tables; the texts do not stay as process variables.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completed(DelegateTask task) {
        recordStep(task.getTaskDefinitionKey(), idOf(task.getExecution()), task::getVariable);
        // a form may submit a yes/no choice as the text "true"/"false": the gateways read booleans
        for (String decision : DECISION_VARIABLES) {
            if (task.getVariable(decision) instanceof String text) {
                task.setVariable(decision, Boolean.parseBoolean(text));
            }
        }
        for (String text : TEXT_VARIABLES) {
            if (task.hasVariable(text)) {
                task.removeVariable(text);
            }
        }
    }

    /** Sets the status the diagram reached, and tells the handler when the clue is decided or closed. */
    private void setStatus(long clueId, ClueStatus status) {
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
    private void recordStep(String taskKey, long clueId, Function<String, Object> variables) {
        Clue clue = clues.find(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
        String actor = actor();
        LocalDateTime now = now();
        Map<String, Object> changes = new LinkedHashMap<>();
        ClueStep step = ClueStep.of(taskKey);
        Decided decided = Decided.AT.get(step);
        if (decided != null) {
            boolean yes = decision(variables, decided.decision, decided.decisionLabel);
            String text = text(variables, decided.text, decided.textLabel);
            clues.insertStep(clueId, decided.stepName, yes ? decided.yes : decided.no, text, actor, now);
            if (decided.decisionKey != null) {
                changes.put(decided.decisionKey, yes);
            }
            changes.put(decided.textKey, text);
            auditLog.record(RECORD_TYPE, clue.clueNo(), yes ? decided.actionIfYes : decided.actionIfNo, changes);
            return;
        }
        switch (step) {
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
                boolean onPaper = step == ClueStep.RECORD_PAPER_OUTCOME;
                clues.recordOutcome(clueId, kind, text, onPaper, actor, now);
                clues.insertStep(clueId, "OUTCOME", kind.name(), text, actor, now);
                changes.put("outcome", kind);
                changes.put("text", text);
                changes.put("onPaper", onPaper);
                auditLog.record(RECORD_TYPE, clue.clueNo(), "OUTCOME_RECORDED", changes);
            }
            default -> throw new IllegalStateException("No record of step " + taskKey + " in clue-transfer");
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

    /**
     * The steps whose form gives a yes/no decision and its text, and how the clue's records name them: the step row
     * (its name and result), the audit row (its action, the fields of its changes; a revision's only its note).
     */
    private enum Decided {
        LEGAL_REVIEW(ClueStep.LEGAL_REVIEW, ClueProcess.LEGAL_REVIEW_PASSED, "审核意见", ClueProcess.LEGAL_OPINION,
                "法制审核意见", "LEGAL_REVIEW", "PASSED", "RETURNED", "passed", "opinion",
                "LEGAL_REVIEW_PASSED", "LEGAL_REVIEW_RETURNED"),
        REVISION(ClueStep.REVISE_PROPOSAL, ClueProcess.RESUBMIT, "处理方式", ClueProcess.REVISION_NOTE,
                "修改说明或撤回理由", "REVISION", "RESUBMITTED", "WITHDRAWN", null, "note",
                "PROPOSAL_RESUBMITTED", "PROPOSAL_WITHDRAWN"),
        COLLECTIVE_DECISION(ClueStep.COLLECTIVE_DECISION, ClueProcess.COLLECTIVE_AGREED, "集体研究结论",
                ClueProcess.MEETING_MINUTES, "会议纪要", "COLLECTIVE_DECISION", "AGREED", "DISAGREED", "agreed", "minutes",
                "COLLECTIVE_DECISION_RECORDED", "COLLECTIVE_DECISION_RECORDED"),
        LEAD_APPROVAL(ClueStep.LEAD_APPROVAL, ClueProcess.LEAD_APPROVED, "审批意见", ClueProcess.LEAD_OPINION,
                "审批意见说明", "LEAD_APPROVAL", "APPROVED", "REJECTED", "approved", "opinion",
                "TRANSFER_APPROVED", "TRANSFER_REJECTED");

        static final Map<ClueStep, Decided> AT = new EnumMap<>(ClueStep.class);

        static {
            for (Decided decided : values()) {
                AT.put(decided.step, decided);
            }
        }

        final ClueStep step;
        final String decision;
        final String decisionLabel;
        final String text;
        final String textLabel;
        final String stepName;
        final String yes;
        final String no;
        final String decisionKey;
        final String textKey;
        final String actionIfYes;
        final String actionIfNo;

        Decided(ClueStep step, String decision, String decisionLabel, String text, String textLabel, String stepName,
                String yes, String no, String decisionKey, String textKey, String actionIfYes, String actionIfNo) {
            this.step = step;
            this.decision = decision;
            this.decisionLabel = decisionLabel;
            this.text = text;
            this.textLabel = textLabel;
            this.stepName = stepName;
            this.yes = yes;
            this.no = no;
            this.decisionKey = decisionKey;
            this.textKey = textKey;
            this.actionIfYes = actionIfYes;
            this.actionIfNo = actionIfNo;
        }
    }
}
