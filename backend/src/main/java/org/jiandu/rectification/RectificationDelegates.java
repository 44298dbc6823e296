package org.jiandu.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The rectification process's delegates and listeners (and the letter's ${openRectification}). */
final class RectificationDelegates {

    private RectificationDelegates() {
    }


    /** ${openRectification} (letter process): the rectification record, its number as variable. */
    @Component("openRectification")
    static class Open implements JavaDelegate {
        private final NewRectifications rectifications;

        Open(NewRectifications rectifications) {
            this.rectifications = rectifications;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("rectificationNo", rectifications.open(execution.getProcessBusinessKey()));
        }
    }

    /** ${rectificationStarted}. */
    @Component("rectificationStarted")
    static class Started implements ExecutionListener {
        private final RectificationSteps steps;

        Started(RectificationSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateExecution execution) {
            steps.onStarted(execution);
        }
    }

    /** ${rectificationTaskCheck}: validates and records what a completed step reported or decided. */
    @Component("rectificationTaskCheck")
    static class TaskCheck implements TaskListener {
        private final RectificationSteps steps;

        TaskCheck(RectificationSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateTask task) {
            steps.onTaskCompleted(task);
        }
    }

    /** ${progressReportOverdue}. */
    @Component("progressReportOverdue")
    static class ProgressOverdue implements JavaDelegate {
        private final RectificationSteps steps;

        ProgressOverdue(RectificationSteps steps) {
            this.steps = steps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            steps.progressReportOverdue(steps.rectificationOf(execution).id(), execution);
        }
    }

    /** ${rectificationClosed}. */
    @Component("rectificationClosed")
    static class Closed implements ExecutionListener {
        private final RectificationSteps steps;

        Closed(RectificationSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateExecution execution) {
            steps.close(steps.rectificationOf(execution).id());
        }
    }
}
