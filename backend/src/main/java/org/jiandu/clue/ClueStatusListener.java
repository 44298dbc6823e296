package org.jiandu.clue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code ${clueStatus.set(execution, 'STATUS')}}: the diagram sets the clue's status as it enters a step (public: called by expression). */
@Component("clueStatus")
public class ClueStatusListener {

    private final ClueWorkflow workflow;

    ClueStatusListener(ClueWorkflow workflow) {
        this.workflow = workflow;
    }

    public void set(DelegateExecution execution, String status) {
        workflow.setStatus(workflow.idOf(execution), ClueStatus.valueOf(status));
    }
}
