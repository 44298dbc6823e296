package org.jiandu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service tasks a step's reminder and overdue timers lead to when the process does nothing else with them
 * ({@code ${stepTimers.reminder(execution)}}, {@code ${stepTimers.overdue(execution)}}, as the case, letter and
 * rectification diagrams use them; public, so that the expression language can call it): the {@link StepNotifier}
 * tells whom the step declares, once.
 */
@Component("stepTimers")
public class StepTimers {

    private final StepNotifier notifier;

    StepTimers(StepNotifier notifier) {
        this.notifier = notifier;
    }

    /** The step falls due soon. */
    @Transactional
    public void reminder(DelegateExecution execution) {
        notifier.timerFired(execution, StepNotifier.Kind.REMINDER);
    }

    /** The step is past its due date. */
    @Transactional
    public void overdue(DelegateExecution execution) {
        notifier.timerFired(execution, StepNotifier.Kind.OVERDUE);
    }
}
