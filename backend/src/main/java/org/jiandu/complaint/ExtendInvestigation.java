package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiandu.deadline.Deadlines;
import org.springframework.stereotype.Component;

/** {@code ${extendInvestigation}}: an approved extension moves the investigation's due date by the working days asked. */
@Component("extendInvestigation")
class ExtendInvestigation implements JavaDelegate {

    private final Deadlines deadlines;
    private final ComplaintSteps steps;
    private final ComplaintOfProcess complaint;

    ExtendInvestigation(Deadlines deadlines, ComplaintSteps steps, ComplaintOfProcess complaint) {
        this.deadlines = deadlines;
        this.steps = steps;
        this.complaint = complaint;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date current = (Date) execution.getVariable(INVESTIGATION_DUE);
        int days = ((Number) execution.getVariable(EXTENSION_DAYS)).intValue();
        Date due = deadlines.dueWithDays(POLICY_INVESTIGATION, current, days);
        execution.setVariable(INVESTIGATION_DUE, due);
        execution.setVariable(EXTENDED, true);
        steps.investigationDueSet(complaint.of(execution), due, true);
    }
}
