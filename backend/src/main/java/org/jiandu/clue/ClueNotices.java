package org.jiandu.clue;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.workflow.Audience;
import org.jiandu.workflow.StepNotifier;
import org.springframework.stereotype.Component;

/**
 * The in-app messages of the clue-transfer diagram ({@code ${clueNotices...}}), as its steps declare them
 * ({@link ClueStep}): a new task to its assignee or candidate group, a reminder before a step is due, an escalation
 * when it is overdue, the last two to whom each step declares ({@link StepNotifier}). Messages name the clue's number
 * and the step, never its content, and go only to people who may see it.
 */
@Component("clueNotices")
public class ClueNotices {

    private final Notifications notifications;
    private final StepNotifier notifier;

    ClueNotices(Notifications notifications, StepNotifier notifier) {
        this.notifications = notifications;
        this.notifier = notifier;
    }

    public void newTask(DelegateTask task) {
        String clueNo = task.getExecution().getProcessBusinessKey();
        boolean returned = ClueStep.of(task.getTaskDefinitionKey()) == ClueStep.REVISE_PROPOSAL;
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

    /** ${clueNotices.reminder(execution, taskKey)}: the step falls due soon; told as the step declares, once. */
    public void reminder(DelegateExecution execution, String taskKey) {
        ClueStep step = ClueStep.of(taskKey);
        String title = "问题线索 " + execution.getProcessBusinessKey() + "：" + stepName(step) + "即将到期";
        notifier.claim(execution, StepNotifier.Kind.REMINDER).forEach(task -> notifier.tell(task,
                StepNotifier.Kind.REMINDER, (audience, t) -> new StepNotifier.Text(title, "该事项临近办理期限，请及时办理。")));
    }

    /** ${clueNotices.overdue(execution, taskKey)}: the step is overdue; told as the step declares, once. */
    public void overdue(DelegateExecution execution, String taskKey) {
        ClueStep step = ClueStep.of(taskKey);
        String clueNo = execution.getProcessBusinessKey();
        notifier.claim(execution, StepNotifier.Kind.OVERDUE).forEach(task -> notifier.tell(task,
                StepNotifier.Kind.OVERDUE, (audience, t) -> overdueText(step, clueNo, audience)));
    }

    private static StepNotifier.Text overdueText(ClueStep step, String clueNo, Audience audience) {
        if (step == ClueStep.RECORD_OUTCOME) {
            String title = "问题线索 " + clueNo + "：处理结果逾期未反馈";
            return audience == Audience.WORKERS
                    ? new StepNotifier.Text(title, "移送的问题线索已超过反馈期限，请尽快反馈处理结果。")
                    : new StepNotifier.Text(title, "受移送机关逾期未反馈处理结果，已向其催告；收到书面反馈后请登记处理结果。");
        }
        String title = "问题线索 " + clueNo + "：" + stepName(step) + "已超期";
        return switch (audience) {
            case WORKERS -> new StepNotifier.Text(title, "该事项已超过办理期限，请立即办理。");
            case HANDLER -> new StepNotifier.Text(title, "受移送机关逾期未签收，请联系督促。");
            default -> new StepNotifier.Text(title, "该问题线索的办理环节已超期。");
        };
    }

    /** The step's short name in a reminder's title. */
    private static String stepName(ClueStep step) {
        return switch (step) {
            case COLLECTIVE_DECISION -> "集体研究";
            case ACKNOWLEDGE_RECEIPT -> "签收";
            case RECORD_PAPER_OUTCOME -> "登记书面反馈结果";
            default -> step.label();
        };
    }
}
