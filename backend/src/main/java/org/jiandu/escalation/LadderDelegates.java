package org.jiandu.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The ladder's delegates, one per service task kind of the diagrams: each reads the record's number (the
 * business key), its agency and the task name and calls the ladder's service.
 */
final class LadderDelegates {

    private LadderDelegates() {
    }

    static String recordType(DelegateExecution execution) {
        return EscalationService.recordTypeOf(execution.getProcessEngine().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey());
    }

    /** The due date the ladder runs on: the host task's due date variable (replyDue, planDue, completionDue). */
    static Date due(DelegateExecution execution) {
        return (Date) execution.getVariable((String) execution.getVariable("dueVariable"));
    }

    /** ${escalationWarning}: the yellow flag's warning to the agency. */
    @Component("escalationWarning")
    static class Warning implements JavaDelegate {
        private final LadderAlerts service;

        Warning(LadderAlerts service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            service.warn(execution, recordType(execution), execution.getProcessBusinessKey(),
                    (String) execution.getVariable("agencyCode"), (String) execution.getVariable("taskName"),
                    due(execution));
        }
    }

    /** ${issueReminderNotice}: the numbered reminder notice at the deadline. */
    @Component("issueReminderNotice")
    static class ReminderNotice implements JavaDelegate {
        private final LadderDocuments service;

        ReminderNotice(LadderDocuments service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            service.issueReminderNotice(execution, recordType(execution), execution.getProcessBusinessKey(),
                    (String) execution.getVariable("agencyCode"), (String) execution.getVariable("issuerCode"),
                    (String) execution.getVariable("taskName"), due(execution));
        }
    }

    /** ${issuePublicNotice}: the 通报 the lead ordered. */
    @Component("issuePublicNotice")
    static class PublicNoticeDelegate implements JavaDelegate {
        private final LadderDocuments service;

        PublicNoticeDelegate(LadderDocuments service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            service.issuePublicNotice(recordType(execution), execution.getProcessBusinessKey(),
                    (String) execution.getVariable("agencyCode"), (String) execution.getVariable("issuerCode"),
                    (String) execution.getVariable("taskName"));
        }
    }

    /** ${escalationTaskCheck}: validates and records the lead's 督办 decision. */
    @Component("escalationTaskCheck")
    static class SuperviseCheck implements TaskListener {
        private final SuperviseDecisions service;

        SuperviseCheck(SuperviseDecisions service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateTask task) {
            DelegateExecution execution = task.getExecution();
            service.onSuperviseCompleted(task, recordType(execution), execution.getProcessBusinessKey(),
                    (String) execution.getVariable("agencyCode"));
        }
    }
}
