package org.jiandu.inbox;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;

/**
 * On {@code create} of every user task: tells its assignee, or else the members of its candidate groups
 * and its candidate users, that there is new work (新待办提醒). The person whose action created the task
 * is not told about their own next step.
 */
class NewTaskListener implements TaskListener {

    private final Notifications notifications;

    NewTaskListener(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateTask task) {
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
