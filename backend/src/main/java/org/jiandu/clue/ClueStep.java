package org.jiandu.clue;

import static org.jiandu.clue.ClueProcess.*;
import static org.jiandu.workflow.FieldType.BOOLEAN;
import static org.jiandu.workflow.FieldType.CHOICE;

import java.util.Optional;
import java.util.Set;

import org.jiandu.identity.Role;
import org.jiandu.workflow.Audience;
import org.jiandu.workflow.CatalogueStep;
import org.jiandu.workflow.Deadline;
import org.jiandu.workflow.DeclaredSteps;
import org.jiandu.workflow.Notices;
import org.jiandu.workflow.SeparationOfDuty;
import org.jiandu.workflow.Step;
import org.jiandu.workflow.StepField;
import org.jiandu.workflow.Workers;
import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code clue-transfer}, declared once. The clue's own listener words every new-task notice (they
 * name the clue's number only, need-to-know), so the generic notice stays silent for them.
 */
public enum ClueStep implements CatalogueStep {
    LEGAL_REVIEW(step("Task_LegalReview", "法制审核", "clue-legal-review").by(Workers.roles(Role.LEGAL_REVIEWER))
            .fields(StepField.required(LEGAL_REVIEW_PASSED, BOOLEAN), StepField.requiredText(LEGAL_OPINION))
            .notices(internal())),
    REVISE_PROPOSAL(step("Task_ReviseProposal", "修改移送建议", "clue-revise-proposal").by(Workers.assignee(HANDLER))
            .fields(StepField.required(RESUBMIT, BOOLEAN), StepField.requiredText(REVISION_NOTE))
            .notices(internal())),
    COLLECTIVE_DECISION(step("Task_CollectiveDecision", "集体研究决定", "clue-collective-decision").by(Workers.roles(Role.LEAD))
            .fields(StepField.required(COLLECTIVE_AGREED, BOOLEAN), StepField.requiredText(MEETING_MINUTES))
            .notices(internal())),
    LEAD_APPROVAL(step("Task_LeadApproval", "领导审批", "clue-lead-approval").by(Workers.roles(Role.LEAD))
            .fields(StepField.required(LEAD_APPROVED, BOOLEAN), StepField.requiredText(LEAD_OPINION))
            .notices(internal())
            .notBy(SeparationOfDuty.notPersonIn(HANDLER, "提出移送建议的人不能审批同一问题线索的移送。"))),
    ACKNOWLEDGE_RECEIPT(step("Task_AcknowledgeReceipt", "签收移送线索", "clue-acknowledge").by(Workers.orgOf(TARGET_ORG_CODE))
            .fields(StepField.optionalText(RECEIPT_NOTE)).due(Deadline.policy(ClueWorkflow.TRANSFER_POLICY))
            .notices(receivingBody())),
    RECORD_OUTCOME(step("Task_RecordOutcome", "反馈处理结果", "clue-record-outcome").by(Workers.orgOf(TARGET_ORG_CODE))
            .fields(StepField.required(OUTCOME_KIND, CHOICE).keptOut(), StepField.requiredText(OUTCOME_TEXT))
            .due(Deadline.policy(ClueWorkflow.OUTCOME_POLICY)).notices(receivingBody())),
    RECORD_PAPER_OUTCOME(step("Task_RecordPaperOutcome", "登记书面反馈的处理结果", "clue-record-paper-outcome")
            .by(Workers.assignee(HANDLER))
            .fields(StepField.required(OUTCOME_KIND, CHOICE).keptOut(), StepField.requiredText(OUTCOME_TEXT))
            .notices(internal()));

    private final Step step;

    ClueStep(Step step) {
        this.step = step;
    }

    private static Step step(String taskKey, String label, String form) {
        return Step.of(KEY, taskKey, label, form);
    }

    /** Steps of the supervision body: its workers are reminded; when overdue, they and the leads are told. */
    private static Notices internal() {
        return Notices.ownWording(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS, Audience.LEADS));
    }

    /** Steps of the receiving body: it is reminded; when overdue, it and the clue's handler are told. */
    private static Notices receivingBody() {
        return Notices.ownWording(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS, Audience.HANDLER));
    }

    static Optional<ClueStep> ofTaskKey(String taskKey) {
        return CatalogueStep.find(values(), taskKey);
    }

    /** The step of a task of this process; an unknown task key is a programming error. */
    public static ClueStep of(String taskKey) {
        return CatalogueStep.require(values(), KEY, taskKey);
    }

    @Override
    public Step step() {
        return step;
    }

    @Component
    static class Declared extends DeclaredSteps {
        Declared() {
            super(KEY, ClueWorkflow.RECORD_TYPE, values());
        }
    }
}
