package org.jiandu.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${escalateComplaintTask}}: a step is overdue; a 督办 entry is recorded, its workers urged and the leads told. */
@Component("escalateComplaintTask")
class EscalateComplaintTask implements JavaDelegate {

    private final ComplaintDeadlineAlerts alerts;
    private final ComplaintOfProcess complaint;

    EscalateComplaintTask(ComplaintDeadlineAlerts alerts, ComplaintOfProcess complaint) {
        this.alerts = alerts;
        this.complaint = complaint;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.escalate(complaint.of(execution), execution);
    }
}
