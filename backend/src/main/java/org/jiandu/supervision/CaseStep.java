package org.jiandu.supervision;

import static org.jiandu.supervision.CaseProcess.*;
import static org.jiandu.workflow.FieldType.BOOLEAN;

import org.jiandu.identity.Role;
import org.jiandu.workflow.CatalogueStep;
import org.jiandu.workflow.Deadline;
import org.jiandu.workflow.DeclaredSteps;
import org.jiandu.workflow.Step;
import org.jiandu.workflow.StepField;
import org.jiandu.workflow.Workers;
import org.springframework.stereotype.Component;

/** The user tasks of {@code supervision-case}, declared once. */
public enum CaseStep implements CatalogueStep {
    APPROVE_FILING(step("Task_ApproveFiling", "立案审批", "case-filing-approval").by(Workers.roles(Role.LEAD))
            .fields(StepField.required(FILING_APPROVED, BOOLEAN), StepField.optionalText(REASON))
            .leadsTo(CaseStatus.INVESTIGATING, CaseStatus.NOT_FILED)),
    INVESTIGATE(step("Task_Investigate", "调查核实", "case-investigation").by(Workers.roles(Role.SUPERVISOR))
            .due(Deadline.policy("case.investigation")).leadsTo(CaseStatus.DELIBERATING)),
    DELIBERATE(step("Task_Deliberate", "集体研究发表意见", "case-deliberation-opinion").by(Workers.assignee(PARTICIPANT))
            .fields(StepField.requiredText(OPINION))),
    /** Completed from the case's page, which records the decision and its letters; the form has no inputs. */
    RECORD_DECISION(step("Task_RecordDecision", "记录纪要和处理决定", "case-decision").by(Workers.roles(Role.SUPERVISOR))
            .leadsTo(CaseStatus.EXECUTING));

    private final Step step;

    CaseStep(Step step) {
        this.step = step;
    }

    private static Step step(String taskKey, String label, String form) {
        return Step.of(KEY, taskKey, label, form);
    }

    /** The step of a task of this process; an unknown task key is a programming error. */
    public static CaseStep of(String taskKey) {
        return CatalogueStep.require(values(), KEY, taskKey);
    }

    @Override
    public Step step() {
        return step;
    }

    @Component
    static class Declared extends DeclaredSteps {
        Declared() {
            super(KEY, SupervisionCaseService.RECORD, values());
        }
    }
}
