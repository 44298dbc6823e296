package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;
import static org.jiandu.workflow.FieldType.BOOLEAN;
import static org.jiandu.workflow.FieldType.CHOICE;
import static org.jiandu.workflow.FieldType.NUMBER;
import static org.jiandu.workflow.FieldType.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jiandu.identity.Role;
import org.jiandu.workflow.CatalogueStep;
import org.jiandu.workflow.Deadline;
import org.jiandu.workflow.DeclaredSteps;
import org.jiandu.workflow.Step;
import org.jiandu.workflow.StepField;
import org.jiandu.workflow.Workers;
import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code complaint-handling}, declared once: the catalogue's step (task key, name, who, form fields,
 * deadline, notices), the roles whose members may work it, and the decision variables it sets (cleared when the task
 * starts again).
 */
public enum ComplaintTaskStep implements CatalogueStep {
    REVIEW_ACCEPTANCE(step("Task_ReviewAcceptance", "受理审查", "complaint-acceptance-review")
            .by(Workers.roles(Role.CLERK, Role.SUPERVISOR)).due(Deadline.policy("complaint.acceptance"))
            .fields(StepField.required(ACCEPTANCE_DECISION, CHOICE), StepField.requiredText(REASON),
                    StepField.requiredText(COMPETENT_AUTHORITY)),
            List.of(ACCEPTANCE_DECISION)),
    APPROVE_ACCEPTANCE(step("Task_ApproveAcceptance", "审批受理意见", "complaint-acceptance-approval")
            .by(Workers.roles(Role.LEAD)).due(Deadline.policy("complaint.approval"))
            .fields(StepField.required(ACCEPTANCE_APPROVED, BOOLEAN), StepField.requiredText(REASON))
            .leadsTo(ComplaintStatus.ACCEPTED, ComplaintStatus.NOT_ACCEPTED, ComplaintStatus.HANDED_OVER),
            List.of(ACCEPTANCE_APPROVED)),
    ASSIGN_SUPERVISOR(step("Task_AssignSupervisor", "分派承办人", "complaint-assignment")
            .by(Workers.roles(Role.LEAD)).due(Deadline.policy("complaint.assignment"))
            .fields(StepField.required(SUPERVISOR_ID, TEXT), StepField.optionalText(REASON))
            .leadsTo(ComplaintStatus.INVESTIGATING),
            List.of()),
    INVESTIGATE(step("Task_Investigate", "调查核实并提出处理建议", "complaint-investigation")
            .by(Workers.assignee(SUPERVISOR_ID)).due(Deadline.dateIn(INVESTIGATION_DUE))
            .fields(StepField.required(INVESTIGATION_ACTION, CHOICE), StepField.required(PROPOSAL, CHOICE),
                    StepField.requiredText(FINDINGS), StepField.required(EXTENSION_DAYS, NUMBER),
                    StepField.requiredText(REASON)),
            List.of(INVESTIGATION_ACTION, PROPOSAL, EXTENSION_DAYS)),
    APPROVE_EXTENSION(step("Task_ApproveExtension", "审批延期申请", "complaint-extension-approval")
            .by(Workers.roles(Role.LEAD)).due(Deadline.policy("complaint.approval"))
            .fields(StepField.required(EXTENSION_APPROVED, BOOLEAN), StepField.requiredText(REASON)),
            List.of(EXTENSION_APPROVED)),
    APPROVE_PROPOSAL(step("Task_ApproveProposal", "审批处理建议", "complaint-proposal-approval")
            .by(Workers.roles(Role.LEAD)).due(Deadline.policy("complaint.approval"))
            .fields(StepField.required(PROPOSAL_APPROVED, BOOLEAN), StepField.requiredText(REASON)),
            List.of(PROPOSAL_APPROVED)),
    WRITE_REPLY(step("Task_WriteReply", "书面答复投诉人", "complaint-reply")
            .by(Workers.assignee(SUPERVISOR_ID)).due(Deadline.policy("complaint.reply"))
            .fields(StepField.requiredText(REPLY_TEXT)).leadsTo(ComplaintStatus.REPLIED),
            List.of()),
    RETURN_VISIT(step("Task_ReturnVisit", "满意度回访", "complaint-return-visit")
            .by(Workers.roles(Role.CLERK)).due(Deadline.policy("complaint.return-visit"))
            .fields(StepField.required(SATISFACTION, CHOICE), StepField.optionalText(REASON))
            .leadsTo(ComplaintStatus.CLOSED, ComplaintStatus.INVESTIGATING),
            List.of(SATISFACTION));

    private final Step step;
    private final List<String> decisionVariables;

    ComplaintTaskStep(Step step, List<String> decisionVariables) {
        this.step = step;
        this.decisionVariables = decisionVariables;
    }

    private static Step step(String taskKey, String label, String form) {
        return Step.of(KEY, taskKey, label, form);
    }

    static Optional<ComplaintTaskStep> ofTaskKey(String taskKey) {
        return CatalogueStep.find(values(), taskKey);
    }

    @Override
    public Step step() {
        return step;
    }

    /** Who may work the step: its candidate roles; an assigned step is a supervisor's. */
    List<Role> roles() {
        return step.workers().assigneeVariable() != null ? List.of(Role.SUPERVISOR) : step.workers().roles();
    }

    /** The names of the fields its form submits. */
    List<String> fields() {
        return step.fields().stream().map(StepField::name).toList();
    }

    List<String> decisionVariables() {
        return decisionVariables;
    }

    /** Texts kept in the complaint tables, never in the process. */
    static boolean keptOut(String field) {
        return Arrays.stream(values()).anyMatch(step -> step.step.textsKeptOut().contains(field));
    }

    @Component
    static class Declared extends DeclaredSteps {
        Declared() {
            super(KEY, RECORD_TYPE, values());
        }
    }
}
