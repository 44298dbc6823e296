package org.jiandu.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${remindComplaintTask}}: a step is about to fall due; its holder (or candidates) get a reminder. */
@Component("remindComplaintTask")
class RemindComplaintTask implements JavaDelegate {

    private final ComplaintDeadlineAlerts alerts;
    private final ComplaintOfProcess complaint;

    RemindComplaintTask(ComplaintDeadlineAlerts alerts, ComplaintOfProcess complaint) {
        this.alerts = alerts;
        this.complaint = complaint;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.remind(complaint.of(execution), execution);
    }
}
