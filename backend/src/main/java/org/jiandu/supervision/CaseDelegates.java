package org.jiandu.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The case process's listeners. */
final class CaseDelegates {

    private CaseDelegates() {
    }

    /** ${caseTaskCheck}: validates and records what a completed step decided. */
    @Component("caseTaskCheck")
    static class TaskCheck implements TaskListener {
        private final SupervisionCaseService service;

        TaskCheck(SupervisionCaseService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateTask task) {
            service.onTaskCompleted(task);
        }
    }

    /** ${caseClosed}: every letter and rectification of the case has closed. */
    @Component("caseClosed")
    static class Closed implements ExecutionListener {
        private final SupervisionCaseService service;

        Closed(SupervisionCaseService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.close(execution, true);
        }
    }

    /** ${caseNotFiled}: the lead refused to file the case. */
    @Component("caseNotFiled")
    static class NotFiled implements ExecutionListener {
        private final SupervisionCaseService service;

        NotFiled(SupervisionCaseService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.close(execution, false);
        }
    }
}
