package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${escalateComplaintTask}}: a step is overdue; a 督办 entry is recorded and the leads are told. */
@Component("escalateComplaintTask")
class EscalateComplaintTask implements JavaDelegate {

    private final ComplaintDeadlineAlerts alerts;

    EscalateComplaintTask(ComplaintDeadlineAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.escalate(((Number) execution.getVariable(COMPLAINT_ID)).longValue(), execution.getProcessInstanceId(),
                (String) execution.getVariableLocal("taskKey"));
    }
}
