package org.jiandu.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Where a process stands on the ladder, as its diagram's service task or 督办 task gives it: the record (its type
 * from the process, its number the business key), the agency, the issuing body, the step the ladder runs on
 * ({@code taskName}, input parameter of the ladder's tasks) and its due date (the variable {@code dueVariable} names: replyDue, planDue, completionDue).
 */
record LadderStop(String recordType, String recordNo, String agencyCode, String issuerCode, String taskName,
                  Date due) {

    static final String AGENCY_CODE = "agencyCode";
    static final String ISSUER_CODE = "issuerCode";
    static final String TASK_NAME = "taskName";
    static final String DUE_VARIABLE = "dueVariable";

    static LadderStop of(DelegateExecution execution) {
        String processKey = execution.getProcessEngine().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        String dueVariable = (String) execution.getVariable(DUE_VARIABLE);
        return new LadderStop(EscalationService.recordTypeOf(processKey), execution.getProcessBusinessKey(),
                (String) execution.getVariable(AGENCY_CODE), (String) execution.getVariable(ISSUER_CODE),
                (String) execution.getVariable(TASK_NAME), dueVariable == null ? null : (Date) execution.getVariable(dueVariable));
    }
}
