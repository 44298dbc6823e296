package org.jiandu.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The letter process's delegates and listeners: each calls {@link LetterService}. */
final class LetterDelegates {

    private LetterDelegates() {
    }

    /** ${letterStarted}: the letter's agency as a variable (candidate group of its agency steps). */
    @Component("letterStarted")
    static class Started implements ExecutionListener {
        private final LetterService service;

        Started(LetterService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.onStarted(execution);
        }
    }

    /** ${letterTaskCheck}: validates and records what a completed step decided. */
    @Component("letterTaskCheck")
    static class TaskCheck implements TaskListener {
        private final LetterService service;

        TaskCheck(LetterService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateTask task) {
            service.onTaskCompleted(task);
        }
    }

    /** ${issueLetter}: number, render, store and serve the signed letter. */
    @Component("issueLetter")
    static class Issue implements JavaDelegate {
        private final LetterService service;

        Issue(LetterService service) {
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String issuerCode = service.issue(service.idOf(execution));
            execution.setVariable("issuerCode", issuerCode);
        }
    }

    /** ${letterClosed}: the letter is closed. */
    @Component("letterClosed")
    static class Closed implements ExecutionListener {
        private final LetterService service;

        Closed(LetterService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.close(service.idOf(execution));
        }
    }
}
