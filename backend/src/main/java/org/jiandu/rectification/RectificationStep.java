package org.jiandu.rectification;

import static org.jiandu.rectification.RectificationProcess.*;
import static org.jiandu.workflow.FieldType.BOOLEAN;
import static org.jiandu.workflow.FieldType.DATE;
import static org.jiandu.workflow.FieldType.NUMBER;

import java.util.Set;

import org.jiandu.escalation.SuperviseStep;
import org.jiandu.identity.Role;
import org.jiandu.workflow.Audience;
import org.jiandu.workflow.CatalogueStep;
import org.jiandu.workflow.Deadline;
import org.jiandu.workflow.DeclaredSteps;
import org.jiandu.workflow.Notices;
import org.jiandu.workflow.Step;
import org.jiandu.workflow.StepField;
import org.jiandu.workflow.Workers;
import org.springframework.stereotype.Component;

/** The user tasks of {@code rectification-tracking}, declared once. */
public enum RectificationStep implements CatalogueStep {
    SUBMIT_PLAN(step("Task_SubmitPlan", "报送整改方案", "rectification-plan").by(Workers.orgOf(AGENCY_CODE))
            .fields(StepField.requiredText(PLAN_TEXT), StepField.required(REPORT_CYCLE_DAYS, NUMBER),
                    StepField.required(COMPLETION_DATE, DATE).keptOut())
            .due(Deadline.dateIn(PLAN_DUE)).leadsTo(RectificationStatus.IMPLEMENTING)
            // the agency's ladder: a warning, a numbered reminder notice, then a 督办 task for the leads
            .notices(Notices.newTask(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS)))),
    REPORT_PROGRESS(step("Task_ReportProgress", "报告整改进展", "rectification-progress").by(Workers.orgOf(AGENCY_CODE))
            .fields(StepField.requiredText(PROGRESS_TEXT)).due(Deadline.workingDaysIn(REPORT_CYCLE_DAYS))
            .notices(Notices.newTask(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS, Audience.SUPERVISORS)))),
    SUBMIT_COMPLETION(step("Task_SubmitCompletion", "报送整改完成报告", "rectification-completion")
            .by(Workers.orgOf(AGENCY_CODE)).fields(StepField.requiredText(COMPLETION_TEXT))
            .due(Deadline.dateIn(COMPLETION_DUE)).leadsTo(RectificationStatus.VERIFYING)
            .notices(Notices.newTask(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS)))),
    VERIFY(step("Task_VerifyRectification", "整改验收", "rectification-verify").by(Workers.roles(Role.SUPERVISOR))
            .fields(StepField.required(VERIFICATION_PASSED, BOOLEAN), StepField.optional(ONSITE_CHECK, BOOLEAN).keptOut(),
                    StepField.requiredText(REASON))
            .due(Deadline.policy("rectification.verification"))
            .leadsTo(RectificationStatus.CLOSED, RectificationStatus.IMPLEMENTING)),
    SUBMIT_PLAN_SUPERVISE(SuperviseStep.of(KEY, "Task_SubmitPlanSupervise")),
    SUBMIT_COMPLETION_SUPERVISE(SuperviseStep.of(KEY, "Task_SubmitCompletionSupervise"));

    private final Step step;

    RectificationStep(Step step) {
        this.step = step;
    }

    private static Step step(String taskKey, String label, String form) {
        return Step.of(KEY, taskKey, label, form);
    }

    /** The step of a task of this process; an unknown task key is a programming error. */
    public static RectificationStep of(String taskKey) {
        return CatalogueStep.require(values(), KEY, taskKey);
    }

    @Override
    public Step step() {
        return step;
    }

    @Component
    static class Declared extends DeclaredSteps {
        Declared() {
            super(KEY, RectificationService.RECORD, values());
        }
    }
}
