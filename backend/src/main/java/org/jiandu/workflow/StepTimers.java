package org.jiandu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service tasks a step's reminder and overdue timers lead to when the process does nothing else with them
 * ({@code ${taskReminder}}, {@code ${taskOverdue}}, as the case, letter and rectification diagrams use them): the
 * {@link StepNotifier} tells whom the step declares, once.
 */
final class StepTimers {

    private StepTimers() {
    }

    /** ${taskReminder}: the step falls due soon. */
    @Component("taskReminder")
    static class Reminder implements JavaDelegate {
        private final StepNotifier notifier;

        Reminder(StepNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notifier.timerFired(execution, StepNotifier.Kind.REMINDER);
        }
    }

    /** ${taskOverdue}: the step is past its due date. */
    @Component("taskOverdue")
    static class Overdue implements JavaDelegate {
        private final StepNotifier notifier;

        Overdue(StepNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notifier.timerFired(execution, StepNotifier.Kind.OVERDUE);
        }
    }
}
