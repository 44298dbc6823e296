package org.jiandu.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.workflow.RecordAccess;
import org.springframework.stereotype.Component;

/**
 * The complaint a process instance works on: the one its business key (the tracking number) names, never
 * one a process variable names, since a variable is something a caller could try to send.
 */
@FunctionalInterface
interface ComplaintOfProcess {

    long id(DelegateExecution execution);

    @Component
    class ByTrackingNumber implements ComplaintOfProcess {

        private final ComplaintMapper complaints;

        ByTrackingNumber(ComplaintMapper complaints) {
            this.complaints = complaints;
        }

        @Override
        public long id(DelegateExecution execution) {
            return RecordAccess.ofProcess(execution, complaints::findByTrackingNo, "complaint").id();
        }
    }
}
