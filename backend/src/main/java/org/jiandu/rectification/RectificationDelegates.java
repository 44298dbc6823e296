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
        private final RectificationService service;

        Open(RectificationService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("rectificationNo", service.open(execution.getProcessBusinessKey()));
        }
    }

    /** ${rectificationStarted}. */
    @Component("rectificationStarted")
    static class Started implements ExecutionListener {
        private final RectificationService service;

        Started(RectificationService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.onStarted(execution);
        }
    }

    /** ${rectificationTaskCheck}: validates and records what a completed step reported or decided. */
    @Component("rectificationTaskCheck")
    static class TaskCheck implements TaskListener {
        private final RectificationService service;

        TaskCheck(RectificationService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateTask task) {
            service.onTaskCompleted(task);
        }
    }

    /** ${progressReportOverdue}. */
    @Component("progressReportOverdue")
    static class ProgressOverdue implements JavaDelegate {
        private final RectificationService service;

        ProgressOverdue(RectificationService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            service.progressReportOverdue(service.rectificationOf(execution).id());
        }
    }

    /** ${rectificationClosed}. */
    @Component("rectificationClosed")
    static class Closed implements ExecutionListener {
        private final RectificationService service;

        Closed(RectificationService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.close(service.rectificationOf(execution).id());
        }
    }
}
