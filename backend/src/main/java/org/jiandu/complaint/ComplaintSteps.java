package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jiandu.identity.Actor;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.audit.AuditLog;
import org.jiandu.workflow.CheckedSubmissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code complaint-handling} writes to the complaint tables: its task listeners
 * ({@code ${complaintSteps.taskCreated(task)}}, {@code ${complaintSteps.taskCompleted(task)}}; public, so that the
 * expression language can call them) and service-task delegates, inside the engine's transaction, so that the
 * complaint row, the decision row, the engine step and the audit row commit together, whichever way the task was
 * completed (our API, {@code /engine-rest}, Tasklist).
 */
@Service("complaintSteps")
public class ComplaintSteps {

    private final ComplaintMapper complaints;
    private final ComplaintTaskRules rules;
    private final ComplaintReplies replies;
    private final AuditLog auditLog;
    private final Clock clock;

    ComplaintSteps(ComplaintMapper complaints, ComplaintTaskRules rules, ComplaintReplies replies, AuditLog auditLog,
                   Clock clock) {
        this.complaints = complaints;
        this.rules = rules;
        this.replies = replies;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A task starts (again): the decisions of its previous round must not count for this one. */
    public void taskCreated(DelegateTask task) {
        ComplaintTaskStep.ofTaskKey(task.getTaskDefinitionKey())
                .ifPresent(step -> step.decisionVariables().forEach(task::removeVariable));
    }

    /** A task is completed: check the submission, record it, keep only decisions in the process. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taskCompleted(DelegateTask task) {
        ComplaintTaskStep step = ComplaintTaskStep.ofTaskKey(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("Unknown complaint task " + task.getTaskDefinitionKey()));
        Complaint complaint = complaints.findByProcessInstance(task.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("No complaint for process " + task.getProcessInstanceId()));
        ComplaintTaskRules.Submission submission = CheckedSubmissions.take(task.getId(), ComplaintTaskRules.Submission.class)
                .orElseGet(() -> {
                    Map<String, Object> submitted = new HashMap<>();
                    for (String field : step.fields()) {
                        submitted.put(field, task.getVariable(field));
                    }
                    return rules.check(step, submitted, complaint.extended());
                });
        keepProcessState(task, step, complaint);
        submission.variables().forEach(task::setVariable);

        Decider decider = decider(task, step);
        LocalDateTime now = now();
        ComplaintUpdate update = new ComplaintUpdate(complaint.id(), now);
        String decision;
        String reason = submission.text(REASON);
        switch (step) {
            case REVIEW_ACCEPTANCE -> {
                decision = (String) submission.variable(ACCEPTANCE_DECISION);
                if ("HAND_OVER".equals(decision)) {
                    update.handedOverTo = submission.text(COMPETENT_AUTHORITY);
                    reason = reason + "（有权处理机关：" + update.handedOverTo + "）";
                }
            }
            case APPROVE_ACCEPTANCE -> {
                boolean approved = (Boolean) submission.variable(ACCEPTANCE_APPROVED);
                decision = approved ? "APPROVED" : "RETURNED";
                if (approved) {
                    applyAcceptance(complaint, String.valueOf(task.getVariable(ACCEPTANCE_DECISION)), update, now);
                }
            }
            case ASSIGN_SUPERVISOR -> {
                decision = (String) submission.variable(SUPERVISOR_ID);
                update.supervisorId = decision;
                update.status = ComplaintStatus.INVESTIGATING;
            }
            case INVESTIGATE -> {
                if ("PROPOSE".equals(submission.variable(INVESTIGATION_ACTION))) {
                    decision = (String) submission.variable(PROPOSAL);
                    reason = submission.text(FINDINGS);
                    update.findings = reason;
                } else {
                    decision = "EXTENSION_REQUESTED:" + submission.variable(EXTENSION_DAYS);
                }
            }
            case APPROVE_EXTENSION -> decision = (Boolean) submission.variable(EXTENSION_APPROVED) ? "APPROVED" : "REJECTED";
            case APPROVE_PROPOSAL -> {
                boolean approved = (Boolean) submission.variable(PROPOSAL_APPROVED);
                decision = approved ? "APPROVED" : "RETURNED";
                if (approved) {
                    update.proposal = String.valueOf(task.getVariable(PROPOSAL));
                }
            }
            case WRITE_REPLY -> {
                ComplaintReplies.Reply reply = replies.issue(complaint, submission.text(REPLY_TEXT), decider.user());
                update.replyText = submission.text(REPLY_TEXT);
                update.replyDocumentId = reply.document().id();
                update.replyDocNo = reply.docNo();
                update.repliedAt = now;
                update.status = ComplaintStatus.REPLIED;
                decision = reply.docNo();
            }
            case RETURN_VISIT -> {
                decision = (String) submission.variable(SATISFACTION);
                update.satisfaction = decision;
            }
            default -> throw new IllegalStateException("Unhandled step " + step);
        }
        complaints.update(update);
        complaints.insertDecision(complaint.id(), step.name(), decision, reason, decider.userId(), decider.name(),
                decider.role().groupId(), task.getId(), now);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("step", step.name());
        changes.put("decision", decision);
        if (reason != null) {
            changes.put("reason", reason);
        }
        if (update.status != null && update.status != complaint.status()) {
            changes.put("status", AuditLog.change(complaint.status(), update.status));
        }
        auditLog.record(RECORD_TYPE, complaint.trackingNo(), "TASK_COMPLETED", changes);
    }

    /**
     * A completion may carry any variables (through {@code /engine-rest}); only the step's own decision may
     * change. The state the gateways and delegates read is set back from the complaint tables, and
     * anything else submitted is removed (texts are in the tables by now).
     */
    private void keepProcessState(DelegateTask task, ComplaintTaskStep step, Complaint complaint) {
        for (String name : List.copyOf(task.getVariableNames())) {
            if (!VARIABLES.contains(name)) {
                task.removeVariable(name);
            }
        }
        keep(task, COMPLAINT_ID, complaint.id());
        keep(task, ANONYMOUS, complaint.anonymous());
        keep(task, EXTENDED, complaint.extended());
        keep(task, REOPEN_COUNT, complaint.reopenCount());
        if (complaint.supervisorId() != null && step != ComplaintTaskStep.ASSIGN_SUPERVISOR) {
            keep(task, SUPERVISOR_ID, complaint.supervisorId());
        }
        if (complaint.investigationDue() != null) {
            keep(task, INVESTIGATION_DUE, Date.from(complaint.investigationDue().atZone(zone()).toInstant()));
        }
        switch (step) {
            case APPROVE_ACCEPTANCE -> keep(task, ACCEPTANCE_DECISION,
                    latest(complaint.id(), ComplaintTaskStep.REVIEW_ACCEPTANCE).decision());
            case APPROVE_PROPOSAL -> {
                keep(task, INVESTIGATION_ACTION, "PROPOSE");
                keep(task, PROPOSAL, latest(complaint.id(), ComplaintTaskStep.INVESTIGATE).decision());
            }
            case APPROVE_EXTENSION -> {
                String requested = latest(complaint.id(), ComplaintTaskStep.INVESTIGATE).decision();
                keep(task, INVESTIGATION_ACTION, "EXTEND");
                keep(task, EXTENSION_DAYS, Integer.valueOf(requested.substring(requested.indexOf(':') + 1)));
            }
            default -> {
                // the step's own decision is the submission, set next
            }
        }
    }

    /**
     * Sets a variable the gateways and delegates read back to the complaint's value. A value already right is not
     * written again: every write is an update of the variable and a history row (the trace shows real changes only).
     */
    private static void keep(DelegateTask task, String name, Object value) {
        if (!Objects.equals(task.getVariable(name), value)) {
            task.setVariable(name, value);
        }
    }

    private ComplaintDecision latest(long complaintId, ComplaintTaskStep step) {
        List<ComplaintDecision> decisions = complaints.decisions(complaintId);
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (decisions.get(i).step().equals(step.name())) {
                return decisions.get(i);
            }
        }
        throw new IllegalStateException("Complaint " + complaintId + " has no " + step + " decision");
    }

    private void applyAcceptance(Complaint complaint, String acceptanceDecision, ComplaintUpdate update, LocalDateTime now) {
        switch (acceptanceDecision) {
            case "ACCEPT" -> {
                update.status = ComplaintStatus.ACCEPTED;
                update.acceptedAt = now;
            }
            case "REJECT" -> {
                update.status = ComplaintStatus.NOT_ACCEPTED;
                update.statusNote = "不予受理。理由：" + latest(complaint.id(), ComplaintTaskStep.REVIEW_ACCEPTANCE).reason();
                update.closedAt = now;
            }
            case "HAND_OVER" -> {
                update.status = ComplaintStatus.HANDED_OVER;
                update.statusNote = "您反映的事项已转交" + complaint.handedOverTo() + "依法处理。";
                update.closedAt = now;
            }
            default -> throw new IllegalStateException("Unknown acceptance decision " + acceptanceDecision);
        }
    }

    /** The investigation's due date was set (start or re-open) or moved by an approved extension. */
    @Transactional(propagation = Propagation.MANDATORY)
    void investigationDueSet(Complaint complaint, Date due, boolean extension) {
        ComplaintUpdate update = new ComplaintUpdate(complaint.id(), now());
        update.investigationDue = LocalDateTime.ofInstant(due.toInstant(), zone());
        if (extension) {
            update.extended = true;
        }
        complaints.update(update);
        auditLog.record(RECORD_TYPE, complaint.trackingNo(),
                extension ? "INVESTIGATION_EXTENDED" : "INVESTIGATION_DEADLINE_SET",
                Map.of("investigationDue", AuditLog.change(complaint.investigationDue(), update.investigationDue)));
    }

    /** An approved proposal that another process takes up: recorded, with its link left open. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordFollowUp(Complaint complaint, String proposal) {
        complaints.insertProposal(complaint.id(), proposal, Actor.current().userId(), now());
        auditLog.record(RECORD_TYPE, complaint.trackingNo(), "FOLLOW_UP_RECORDED", Map.of("targetType", proposal));
    }

    /** 不满意 at the return visit: the investigation starts again. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reopened(Complaint complaint, int reopenCount) {
        ComplaintUpdate update = new ComplaintUpdate(complaint.id(), now());
        update.reopenCount = reopenCount;
        update.status = ComplaintStatus.INVESTIGATING;
        complaints.update(update);
        auditLog.record(RECORD_TYPE, complaint.trackingNo(), "INVESTIGATION_REOPENED",
                Map.of("status", AuditLog.change(complaint.status(), update.status), "reopenCount", reopenCount));
    }

    /** 息访: the complaint is closed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void closed(Complaint complaint) {
        LocalDateTime now = now();
        ComplaintUpdate update = new ComplaintUpdate(complaint.id(), now);
        update.status = ComplaintStatus.CLOSED;
        update.closedAt = now;
        complaints.update(update);
        auditLog.record(RECORD_TYPE, complaint.trackingNo(), "COMPLAINT_CLOSED",
                Map.of("status", AuditLog.change(complaint.status(), ComplaintStatus.CLOSED)));
    }

    private Decider decider(DelegateTask task, ComplaintTaskStep step) {
        CurrentUser user = Actor.currentUser().orElse(null);
        if (user != null) {
            Role role = step.roles().stream().filter(user::has).findFirst().orElse(step.roles().get(0));
            return new Decider(user.userId(), user.displayName(), role, user);
        }
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String userId = authentication != null ? authentication.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : Actor.SYSTEM;
        // Tasklist and /engine-rest: the role is the first of the step's roles among the engine's groups
        List<String> groups = authentication != null && authentication.getGroupIds() != null
                ? authentication.getGroupIds() : List.of();
        Role role = step.roles().stream().filter(r -> groups.contains(r.groupId())).findFirst()
                .orElse(step.roles().get(0));
        return new Decider(userId, null, role, null);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** Who completes a task, and as which role. */
    record Decider(String userId, String name, Role role, CurrentUser user) {
    }
}
