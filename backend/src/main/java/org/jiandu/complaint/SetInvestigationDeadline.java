package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiandu.deadline.Deadlines;
import org.springframework.stereotype.Component;

/** {@code ${setInvestigationDeadline}}: the investigation is due 30 working days (policy) from now. */
@Component("setInvestigationDeadline")
class SetInvestigationDeadline implements JavaDelegate {

    private final Deadlines deadlines;
    private final ComplaintSteps steps;
    private final ComplaintOfProcess complaint;

    SetInvestigationDeadline(Deadlines deadlines, ComplaintSteps steps, ComplaintOfProcess complaint) {
        this.deadlines = deadlines;
        this.steps = steps;
        this.complaint = complaint;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date due = deadlines.due(POLICY_INVESTIGATION, ClockUtil.getCurrentTime());
        execution.setVariable(INVESTIGATION_DUE, due);
        steps.investigationDueSet(complaint.of(execution), due, false);
    }
}
