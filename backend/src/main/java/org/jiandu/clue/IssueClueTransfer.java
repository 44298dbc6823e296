package org.jiandu.clue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_IssueTransfer}: numbers and stores the transfer letter and materials list. */
@Component("issueClueTransfer")
class IssueClueTransfer implements JavaDelegate {

    private final ClueWorkflow workflow;

    IssueClueTransfer(ClueWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.issueTransfer(workflow.idOf(execution));
    }
}
