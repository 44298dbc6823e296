package org.jiandu.escalation;

import static org.jiandu.workflow.FieldType.BOOLEAN;

import java.util.Set;

import org.jiandu.identity.Role;
import org.jiandu.workflow.Audience;
import org.jiandu.workflow.Notices;
import org.jiandu.workflow.Step;
import org.jiandu.workflow.StepField;
import org.jiandu.workflow.Workers;

/** The 督办 step a process adds at the end of an agency's grace term: its form and rules are escalation's. */
public final class SuperviseStep {

    public static final String PUBLIC_NOTICE = "publicNotice";
    public static final String CLUE_PROPOSAL = "clueProposal";
    public static final String REASON = "reason";

    private SuperviseStep() {
    }

    /** The 督办 task {@code taskKey} of a process: the leads decide on a public notice and a clue transfer. */
    public static Step of(String processKey, String taskKey) {
        return Step.of(processKey, taskKey, "督办", "escalation-supervise")
                .by(Workers.roles(Role.LEAD))
                .fields(StepField.required(PUBLIC_NOTICE, BOOLEAN), StepField.required(CLUE_PROPOSAL, BOOLEAN),
                        StepField.requiredText(REASON))
                .notices(Notices.newTask(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS)));
    }
}
