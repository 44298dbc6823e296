package org.jiandu.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.workflow.RecordAccess;
import org.springframework.stereotype.Component;

/**
 * The complaint a process instance works on: the one its business key (the tracking number) names, never
 * one a process variable names, since a variable is something a caller could try to send. Read once by the
 * delegate and handed on, so that what it does with the complaint does not read it again.
 */
@FunctionalInterface
interface ComplaintOfProcess {

    Complaint of(DelegateExecution execution);

    @Component
    class ByTrackingNumber implements ComplaintOfProcess {

        private final ComplaintMapper complaints;

        ByTrackingNumber(ComplaintMapper complaints) {
            this.complaints = complaints;
        }

        @Override
        public Complaint of(DelegateExecution execution) {
            return RecordAccess.ofProcess(execution, complaints::findByTrackingNo, "complaint");
        }
    }
}
