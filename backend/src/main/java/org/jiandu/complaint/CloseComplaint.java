package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeComplaint}}: 息访, the complaint is closed. */
@Component("closeComplaint")
class CloseComplaint implements JavaDelegate {

    private final ComplaintSteps steps;
    private final ComplaintOfProcess complaint;

    CloseComplaint(ComplaintSteps steps, ComplaintOfProcess complaint) {
        this.steps = steps;
        this.complaint = complaint;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.closed(complaint.of(execution));
    }
}
