package org.jiandu.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The letter process's delegates and listeners: each calls the letter's step class. */
final class LetterDelegates {

    private LetterDelegates() {
    }

    /** ${letterStarted}: the letter's agency as a variable (candidate group of its agency steps). */
    @Component("letterStarted")
    static class Started implements ExecutionListener {
        private final LetterSteps steps;

        Started(LetterSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateExecution execution) {
            steps.onStarted(execution);
        }
    }

    /** ${letterTaskCheck}: validates and records what a completed step decided. */
    @Component("letterTaskCheck")
    static class TaskCheck implements TaskListener {
        private final LetterSteps steps;

        TaskCheck(LetterSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateTask task) {
            steps.onTaskCompleted(task);
        }
    }

    /** ${issueLetter}: number, render, store and serve the signed letter. */
    @Component("issueLetter")
    static class Issue implements JavaDelegate {
        private final LetterAccess access;
        private final LetterIssuing issuing;

        Issue(LetterAccess access, LetterIssuing issuing) {
            this.access = access;
            this.issuing = issuing;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String issuerCode = issuing.issue(access.letterOf(execution).id());
            execution.setVariable("issuerCode", issuerCode);
        }
    }

    /** ${letterClosed}: the letter is closed. */
    @Component("letterClosed")
    static class Closed implements ExecutionListener {
        private final LetterSteps steps;

        Closed(LetterSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateExecution execution) {
            steps.close(execution);
        }
    }
}
