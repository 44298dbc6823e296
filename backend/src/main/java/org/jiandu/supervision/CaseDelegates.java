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
        private final CaseSteps steps;

        TaskCheck(CaseSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateTask task) {
            steps.onTaskCompleted(task);
        }
    }

    /** ${caseClosed}: every letter and rectification of the case has closed. */
    @Component("caseClosed")
    static class Closed implements ExecutionListener {
        private final CaseSteps steps;

        Closed(CaseSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateExecution execution) {
            steps.close(execution, true);
        }
    }

    /** ${caseNotFiled}: the lead refused to file the case. */
    @Component("caseNotFiled")
    static class NotFiled implements ExecutionListener {
        private final CaseSteps steps;

        NotFiled(CaseSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateExecution execution) {
            steps.close(execution, false);
        }
    }
}
