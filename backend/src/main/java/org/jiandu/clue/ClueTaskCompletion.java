package org.jiandu.clue;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing any clue task, from the REST API or from Tasklist: checks what was submitted and records
 * the decision and its reasons in the clue's tables; the texts do not stay as process variables.
 */
@Component("clueTaskCompletion")
class ClueTaskCompletion implements TaskListener {

    private final ClueWorkflow workflow;

    ClueTaskCompletion(ClueWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void notify(DelegateTask task) {
        long clueId = workflow.idOf(task.getExecution());
        workflow.recordStep(task.getTaskDefinitionKey(), clueId, task::getVariable);
        // a form may submit a yes/no choice as the text "true"/"false": the gateways read booleans
        for (String decision : ClueWorkflow.DECISION_VARIABLES) {
            if (task.getVariable(decision) instanceof String text) {
                task.setVariable(decision, Boolean.parseBoolean(text));
            }
        }
        for (String text : ClueWorkflow.TEXT_VARIABLES) {
            if (task.hasVariable(text)) {
                task.removeVariable(text);
            }
        }
    }
}
