package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${recordFollowUp}}: records the approved 立案 / 建议书 / 移送 proposal for the process that takes it up. */
@Component("recordFollowUp")
class RecordFollowUp implements JavaDelegate {

    private final ComplaintSteps steps;

    RecordFollowUp(ComplaintSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.recordFollowUp(((Number) execution.getVariable(COMPLAINT_ID)).longValue(),
                (String) execution.getVariable(PROPOSAL));
    }
}
