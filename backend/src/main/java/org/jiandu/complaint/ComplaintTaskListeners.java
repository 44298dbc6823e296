package org.jiandu.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The task listeners of {@code complaint-handling}: thin, the work is in {@link ComplaintSteps}. */
final class ComplaintTaskListeners {

    private ComplaintTaskListeners() {
    }

    /** {@code ${complaintTaskCreated}}: a task starts, its previous round's decision is cleared. */
    @Component("complaintTaskCreated")
    static class Created implements TaskListener {
        private final ComplaintSteps steps;

        Created(ComplaintSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateTask task) {
            steps.taskCreated(task);
        }
    }

    /** {@code ${complaintTaskCompleted}}: checks the submitted form and records the decision. */
    @Component("complaintTaskCompleted")
    static class Completed implements TaskListener {
        private final ComplaintSteps steps;

        Completed(ComplaintSteps steps) {
            this.steps = steps;
        }

        @Override
        public void notify(DelegateTask task) {
            steps.taskCompleted(task);
        }
    }
}
