package org.jiandu.clue;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The in-app messages of the clue-transfer diagram ({@code ${clueNotices...}}): a new task to its
 * assignee or candidate group, a reminder before a step is due, an escalation when it is overdue.
 * Messages name the clue's number and the step, never its content, and go only to people who may see it.
 */
@Component("clueNotices")
public class ClueNotices {

    private final Notifications notifications;

    ClueNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    public void newTask(DelegateTask task) {
        String clueNo = task.getExecution().getProcessBusinessKey();
        boolean returned = task.getTaskDefinitionKey().equals("Task_ReviseProposal");
        NotificationKind kind = returned ? NotificationKind.RETURNED : NotificationKind.NEW_TASK;
        String title = "问题线索 " + clueNo + "：" + task.getName();
        String body = returned ? "法制审核退回了移送建议，请修改后重新提交或撤回。" : "新的待办事项，请及时办理。";
        if (task.getAssignee() != null) {
            notifications.notifyUsers(List.of(task.getAssignee()), kind, title, body, ClueWorkflow.RECORD_TYPE, clueNo);
        }
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                notifications.notifyGroup(link.getGroupId(), kind, title, body, ClueWorkflow.RECORD_TYPE, clueNo);
            }
        }
    }

    public void reminder(DelegateExecution execution, String taskKey) {
        String clueNo = execution.getProcessBusinessKey();
        String title = "问题线索 " + clueNo + "：" + stepName(taskKey) + "即将到期";
        notify(execution, taskKey, NotificationKind.REMINDER, title, "该事项临近办理期限，请及时办理。");
    }

    public void overdue(DelegateExecution execution, String taskKey) {
        String clueNo = execution.getProcessBusinessKey();
        String handler = (String) execution.getVariable("handler");
        if (taskKey.equals("Task_RecordOutcome")) {
            String title = "问题线索 " + clueNo + "：处理结果逾期未反馈";
            notify(execution, taskKey, NotificationKind.URGE, title, "移送的问题线索已超过反馈期限，请尽快反馈处理结果。");
            notifications.notifyUsers(List.of(handler), NotificationKind.ESCALATION, title,
                    "受移送机关逾期未反馈处理结果，已向其催告；收到书面反馈后请登记处理结果。", ClueWorkflow.RECORD_TYPE, clueNo);
            return;
        }
        String title = "问题线索 " + clueNo + "：" + stepName(taskKey) + "已超期";
        notify(execution, taskKey, NotificationKind.ESCALATION, title, "该事项已超过办理期限，请立即办理。");
        if (!taskKey.equals("Task_AcknowledgeReceipt")) {
            notifications.notifyGroup(Role.LEAD.groupId(), NotificationKind.ESCALATION, title,
                    "该问题线索的办理环节已超期。", ClueWorkflow.RECORD_TYPE, clueNo);
        } else {
            notifications.notifyUsers(List.of(handler), NotificationKind.ESCALATION, title,
                    "受移送机关逾期未签收，请联系督促。", ClueWorkflow.RECORD_TYPE, clueNo);
        }
    }

    /** Who works a step; mirrors the assignees and candidate groups of the diagram. */
    private void notify(DelegateExecution execution, String taskKey, NotificationKind kind, String title, String body) {
        String clueNo = execution.getProcessBusinessKey();
        switch (taskKey) {
            case "Task_LegalReview" -> notifications.notifyGroup(Role.LEGAL_REVIEWER.groupId(), kind, title, body,
                    ClueWorkflow.RECORD_TYPE, clueNo);
            case "Task_CollectiveDecision", "Task_LeadApproval" -> notifications.notifyGroup(Role.LEAD.groupId(), kind,
                    title, body, ClueWorkflow.RECORD_TYPE, clueNo);
            case "Task_AcknowledgeReceipt", "Task_RecordOutcome" -> notifications.notifyGroup(
                    OrgUnit.groupIdOf((String) execution.getVariable("targetOrgCode")), kind, title, body,
                    ClueWorkflow.RECORD_TYPE, clueNo);
            default -> notifications.notifyUsers(List.of((String) execution.getVariable("handler")), kind, title, body,
                    ClueWorkflow.RECORD_TYPE, clueNo);
        }
    }

    private static String stepName(String taskKey) {
        return switch (taskKey) {
            case "Task_LegalReview" -> "法制审核";
            case "Task_ReviseProposal" -> "修改移送建议";
            case "Task_CollectiveDecision" -> "集体研究";
            case "Task_LeadApproval" -> "领导审批";
            case "Task_AcknowledgeReceipt" -> "签收";
            case "Task_RecordOutcome" -> "反馈处理结果";
            default -> "登记书面反馈结果";
        };
    }
}
