package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${reopenInvestigation}}: counts the re-opening (the gateway allows one) and marks the complaint. */
@Component("reopenInvestigation")
class ReopenInvestigation implements JavaDelegate {

    private final ComplaintSteps steps;
    private final ComplaintOfProcess complaint;

    ReopenInvestigation(ComplaintSteps steps, ComplaintOfProcess complaint) {
        this.steps = steps;
        this.complaint = complaint;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int count = ((Number) execution.getVariable(REOPEN_COUNT)).intValue() + 1;
        execution.setVariable(REOPEN_COUNT, count);
        steps.reopened(complaint.of(execution), count);
    }
}
