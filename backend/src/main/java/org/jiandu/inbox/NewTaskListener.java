package org.jiandu.inbox;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.workflow.StepCatalogue;

/**
 * On {@code create} of every user task: tells its assignee, or else the members of its candidate groups
 * and its candidate users, that there is new work (新待办提醒), once: the one new-task notice of every process. A step
 * the catalogue marks as wording its own notice (clue-transfer's need-to-know messages) is left to its process. The
 * person whose action created the task is not told about their own next step.
 */
class NewTaskListener implements TaskListener {

    private final Notifications notifications;
    private final Supplier<StepCatalogue> catalogue;
    private final boolean declaresOwnCreateListener;

    /**
     * {@code declaresOwnCreateListener}: the task's BPMN has a {@code create} listener of its own. That decides only
     * for a process outside the catalogue (none of ours: a test's), which is then taken to word its own notice.
     */
    NewTaskListener(Notifications notifications, Supplier<StepCatalogue> catalogue, boolean declaresOwnCreateListener) {
        this.notifications = notifications;
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
        Set<String> recipients = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            recipients.add(task.getAssignee());
        } else {
            for (IdentityLink link : task.getCandidates()) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    recipients.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    recipients.addAll(notifications.membersOfGroup(link.getGroupId()));
                }
            }
        }
        Authentication current = Context.getCommandContext().getAuthentication();
        if (current != null) {
            recipients.remove(current.getUserId());
        }
        if (recipients.isEmpty()) {
            return;
        }
        String process = ((TaskEntity) task).getProcessDefinition().getName();
        String businessKey = task.getExecution().getProcessBusinessKey();
        notifications.notifyUsers(recipients, NotificationKind.NEW_TASK, "新待办：" + task.getName(),
                InboxTexts.describe(process, businessKey, task.getName()), TaskRecords.TASK, task.getId());
    }
}
