package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${remindComplaintTask}}: a step is about to fall due; its holder (or candidates) get a reminder. */
@Component("remindComplaintTask")
class RemindComplaintTask implements JavaDelegate {

    private final ComplaintDeadlineAlerts alerts;

    RemindComplaintTask(ComplaintDeadlineAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.remind(((Number) execution.getVariable(COMPLAINT_ID)).longValue(), execution.getProcessInstanceId(),
                (String) execution.getVariableLocal("taskKey"));
    }
}
