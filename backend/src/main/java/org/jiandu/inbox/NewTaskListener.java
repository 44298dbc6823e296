package org.jiandu.inbox;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.jiandu.workflow.StepCatalogue;
import org.jiandu.workflow.StepNotifier;

/**
 * On {@code create} of every user task: the new-task notice (新待办提醒) of every process, sent by the one
 * {@link StepNotifier} to the step's declared audience (its assignee, or else its candidates), once. A step the
 * catalogue marks as wording its own notice (clue-transfer's need-to-know messages) is left to its process. The
 * person whose action created the task is not told about their own next step.
 */
class NewTaskListener implements TaskListener {

    private final StepNotifier notifier;
    private final Supplier<StepCatalogue> catalogue;
    private final boolean declaresOwnCreateListener;

    /**
     * {@code declaresOwnCreateListener}: the task's BPMN has a {@code create} listener of its own. That decides only
     * for a process outside the catalogue (none of ours: a test's), which is then taken to word its own notice.
     */
    NewTaskListener(StepNotifier notifier, Supplier<StepCatalogue> catalogue, boolean declaresOwnCreateListener) {
        this.notifier = notifier;
        this.catalogue = catalogue;
        this.declaresOwnCreateListener = declaresOwnCreateListener;
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
        boolean ownWording = catalogue.get().step(processKey, task.getTaskDefinitionKey())
                .map(step -> step.notices().ownWording()).orElse(declaresOwnCreateListener);
        if (ownWording) {
            return;
        }
        Authentication current = Context.getCommandContext().getAuthentication();
        String process = ((TaskEntity) task).getProcessDefinition().getName();
        String businessKey = task.getExecution().getProcessBusinessKey();
        notifier.created(task, current == null ? null : current.getUserId(), new StepNotifier.Text(
                "新待办：" + task.getName(), InboxTexts.describe(process, businessKey, task.getName())));
    }
}
