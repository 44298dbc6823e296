package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeComplaint}}: 息访, the complaint is closed. */
@Component("closeComplaint")
class CloseComplaint implements JavaDelegate {

    private final ComplaintSteps steps;

    CloseComplaint(ComplaintSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.closed(((Number) execution.getVariable(COMPLAINT_ID)).longValue());
    }
}
