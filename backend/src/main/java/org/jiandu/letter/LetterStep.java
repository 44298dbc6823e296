package org.jiandu.letter;

import static org.jiandu.workflow.FieldType.BOOLEAN;

import java.util.Set;

import org.jiandu.escalation.SuperviseStep;
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

/** The user tasks of {@code supervision-letter}, declared once. */
public enum LetterStep implements CatalogueStep {
    DRAFT(step("Task_DraftLetter", "起草监督建议书", "letter-draft").by(Workers.roles(Role.SUPERVISOR))
            .fields(StepField.optional(LetterProcess.RECTIFICATION_REQUIRED, BOOLEAN)).leadsTo(LetterStatus.LEGAL_REVIEW)),
    LEGAL_REVIEW(step("Task_LegalReview", "法制审核", "letter-legal-review").by(Workers.roles(Role.LEGAL_REVIEWER))
            .fields(StepField.required(LetterProcess.LEGAL_PASSED, BOOLEAN), StepField.optionalText(LetterProcess.REASON))
            .leadsTo(LetterStatus.SIGNING, LetterStatus.DRAFTING)),
    SIGN(step("Task_SignLetter", "领导签发", "letter-sign").by(Workers.roles(Role.LEAD))
            .fields(StepField.required(LetterProcess.SIGNED, BOOLEAN), StepField.optionalText(LetterProcess.REASON))
            .leadsTo(LetterStatus.SERVED, LetterStatus.DRAFTING)
            .notBy(SeparationOfDuty.notWhoDid("Task_DraftLetter", "起草建议书的人不能签发同一份建议书。"))),
    RECEIVE(step("Task_ReceiveLetter", "签收建议书", "letter-receive").by(Workers.orgOf(LetterProcess.AGENCY_CODE))
            .due(Deadline.policy("letter.sign-receipt")).leadsTo(LetterStatus.RECEIVED)
            // told by the letter's issuing, in its words (the document number): the generic notice stays silent
            .notices(Notices.ownWording(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS, Audience.LEADS)))),
    REPLY(step("Task_ReplyLetter", "书面回复", "letter-reply").by(Workers.orgOf(LetterProcess.AGENCY_CODE))
            .fields(StepField.requiredText(LetterProcess.REPLY_TEXT)).due(Deadline.dateIn(LetterProcess.REPLY_DUE))
            .leadsTo(LetterStatus.REPLIED)
            // the agency's ladder: a warning, a numbered reminder notice, then a 督办 task for the leads
            .notices(Notices.newTask(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS)))),
    REVIEW_REPLY(step("Task_ReviewReply", "审查回复", "letter-review-reply").by(Workers.roles(Role.SUPERVISOR))
            .fields(StepField.required(LetterProcess.REPLY_ACCEPTED, BOOLEAN), StepField.optionalText(LetterProcess.REASON))
            .leadsTo(LetterStatus.REPLY_ACCEPTED, LetterStatus.RECTIFYING, LetterStatus.RECEIVED)),
    REPLY_SUPERVISE(SuperviseStep.of(LetterProcess.KEY, "Task_ReplyLetterSupervise"));

    private final Step step;

    LetterStep(Step step) {
        this.step = step;
    }

    private static Step step(String taskKey, String label, String form) {
        return Step.of(LetterProcess.KEY, taskKey, label, form);
    }

    /** The step of a task of this process; an unknown task key is a programming error. */
    public static LetterStep of(String taskKey) {
        return CatalogueStep.require(values(), LetterProcess.KEY, taskKey);
    }

    @Override
    public Step step() {
        return step;
    }

    @Component
    static class Declared extends DeclaredSteps {
        Declared() {
            super(LetterProcess.KEY, LetterService.RECORD, values());
        }
    }
}
