package org.jiandu.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.jiandu.calendar.Workdays;
import org.jiandu.identity.CurrentUser;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person tells others about a task: 催办 (urge whoever holds it) and 抄送 (copy it to colleagues). */
@Service
class TaskMessages {

    private final TaskAccess access;
    private final InboxMapper mapper;
    private final Notifications notifications;
    private final Workdays workdays;
    private final Clock clock;

    TaskMessages(TaskAccess access, InboxMapper mapper, Notifications notifications, Workdays workdays, Clock clock) {
        this.access = access;
        this.mapper = mapper;
        this.notifications = notifications;
        this.workdays = workdays;
        this.clock = clock;
    }

    /** 催办: reminds whoever holds the task, at most once per task and working day. */
    @Transactional
    public void urge(CurrentUser user, String taskId, String message) {
        TaskAccess.Current current = access.visibleTask(user, taskId);
        if (current.assignedTo(user.userId())) {
            throw ApiException.badRequest("CANNOT_URGE_OWN_TASK", "不能催办自己的待办。");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate urgeDay = workdays.isWorkday(today) ? today : workdays.after(today, 1);
        if (mapper.countUrges(taskId, urgeDay) > 0) {
            throw ApiException.conflict("ALREADY_URGED_TODAY", "该任务今天已催办过，每个工作日最多催办一次。");
        }
        String text = message == null || message.isBlank() ? "请尽快办理。" : message.strip();
        mapper.insertUrge(taskId, urgeDay, user.userId(), text, now());
        String title = "催办：" + current.task().getName();
        String body = user.displayName() + "催办" + InboxTexts.title(current.processName(), current.businessKey())
                + "：" + text;
        if (current.task().getAssignee() != null) {
            notifications.notifyUsers(List.of(current.task().getAssignee()), NotificationKind.URGE, title, body,
                    TaskRecords.TASK, taskId);
        } else {
            Set<String> recipients = new LinkedHashSet<>();
            access.candidateGroups(taskId).forEach(group -> recipients.addAll(notifications.membersOfGroup(group)));
            notifications.notifyUsers(recipients, NotificationKind.URGE, title, body, TaskRecords.TASK, taskId);
        }
        access.audit(current, "TASK_URGED", Map.of("message", text, "urgeDay", urgeDay.toString()), "催办：" + text);
    }

    /** 抄送: the recipients are told, see the task in 抄送我的 and may read its record. */
    @Transactional
    public List<String> cc(CurrentUser user, String taskId, Collection<String> recipientIds, String message) {
        TaskAccess.Current current = access.visibleTask(user, taskId);
        Set<String> already = new LinkedHashSet<>(mapper.ccRecipients(taskId));
        List<String> added = new ArrayList<>();
        LocalDateTime now = now();
        for (String recipientId : new LinkedHashSet<>(recipientIds)) {
            CurrentUser recipient = access.target(user, current, recipientId);
            if (already.contains(recipient.userId())) {
                continue;
            }
            Task task = current.task();
            mapper.insertCc(new InboxMapper.CcRow(null, taskId, task.getProcessInstanceId(),
                    access.processKey(task.getProcessDefinitionId()), current.processName(), current.businessKey(),
                    current.agencyCode(), task.getName(), local(task.getCreateTime()), local(task.getDueDate()),
                    recipient.userId(), user.userId(), message, now, null));
            added.add(recipient.userId());
        }
        if (!added.isEmpty()) {
            notifications.notifyUsers(added, NotificationKind.CC, "抄送：" + current.task().getName(),
                    user.displayName() + "抄送" + InboxTexts.title(current.processName(), current.businessKey())
                            + (message == null || message.isBlank() ? "" : "：" + message.strip()),
                    TaskRecords.TASK, taskId);
            access.audit(current, "TASK_CC", Map.of("to", added));
        }
        return added;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private LocalDateTime local(java.util.Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), clock.getZone()).withNano(0);
    }
}
