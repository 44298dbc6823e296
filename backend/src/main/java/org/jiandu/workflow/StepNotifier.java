package org.jiandu.workflow;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The one notifier of every step: when it is created (新待办), before it is due (临期提醒) and when it is overdue (超期),
 * it tells the audiences the step's {@link Notices} declare, each person once, through {@link Notifications} (in-app
 * and the mail outbox, in the caller's transaction). Whom each audience names is decided here only: the workers are
 * the task's assignee or else its candidate users and the members of its candidate groups; the leads and the
 * supervisors the members of those roles; the handler the user the process's {@code handler} names. A person in two
 * audiences is told once, in the words for the first of {@link #ORDER}.
 *
 * <p>Deadline notices come from the diagrams' boundary timers: the service task a timer leads to finds the timed step
 * ({@link #claim}), and a task is reminded, and told it is overdue, at most once: the claim is a row of
 * {@code step_notice} written in the timer job's transaction, so a timer firing again for the same task (a retried or
 * repeated job) finds it and tells nobody, and does none of what its process does with the notice (an escalation row,
 * a 催办通知).
 */
@Component
public class StepNotifier {

    public enum Kind { NEW, REMINDER, OVERDUE }

    /** The process variable naming a record's handler ({@link Audience#HANDLER}). */
    public static final String HANDLER_VARIABLE = "handler";

    /** Who a person is told as, when more than one audience names them: their own work first. */
    static final List<Audience> ORDER = List.of(Audience.WORKERS, Audience.HANDLER, Audience.SUPERVISORS, Audience.LEADS);

    /** What one notice says. */
    public record Text(String title, String body) {
    }

    /** A process's own words for a deadline notice, per audience; {@link #defaultWording} otherwise. */
    @FunctionalInterface
    public interface Wording {
        Text to(Audience audience, DelegateTask task);
    }

    private final StepCatalogue catalogue;
    private final Notifications notifications;
    private final StepNoticeMapper sent;
    private final Clock clock;

    StepNotifier(StepCatalogue catalogue, Notifications notifications, StepNoticeMapper sent, Clock clock) {
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.sent = sent;
        this.clock = clock;
    }

    /**
     * A new task: its declared audiences (the workers), minus whoever caused it, are told once, about the task itself.
     * A task of a process outside the catalogue goes to its workers.
     */
    public void created(DelegateTask task, String causedBy, Text text) {
        Map<String, Audience> recipients = recipients(task, audiences(task, Kind.NEW));
        if (causedBy != null) {
            recipients.remove(causedBy);
        }
        notifications.notifyUsers(recipients.keySet(), NotificationKind.NEW_TASK, text.title(), text.body(),
                "TASK", task.getId());
    }

    /**
     * The open tasks of the step whose boundary timer led to this service task that have not had this notice yet;
     * each is marked as having had it (in the caller's transaction). Empty when the timer fired before.
     */
    public List<DelegateTask> claim(DelegateExecution execution, Kind kind) {
        if (kind == Kind.NEW) {
            throw new IllegalArgumentException("A new-task notice is not timed");
        }
        String taskKey = timedTaskKey(execution);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        List<DelegateTask> unclaimed = new ArrayList<>();
        for (TaskEntity task : Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId())) {
            if (taskKey.equals(task.getTaskDefinitionKey()) && firstNotice(task, kind, now)) {
                unclaimed.add(task);
            }
        }
        return unclaimed;
    }

    /**
     * Marks the task as having had the notice; false when it had it before. One statement: the row's key refuses a
     * second (a failed statement leaves the job's transaction as it was, on MariaDB as on H2).
     */
    private boolean firstNotice(TaskEntity task, Kind kind, LocalDateTime now) {
        try {
            sent.insert(task.getId(), kind.name(), now);
            return true;
        } catch (DuplicateKeyException noticedBefore) {
            return false;
        }
    }

    /** The timer's reminder or overdue notice, in the default words, to each open task of its step once. */
    public void timerFired(DelegateExecution execution, Kind kind) {
        claim(execution, kind).forEach(task -> tell(task, kind, null));
    }

    /** Tells the step's declared audiences of a claimed task, in the given words (null: the default ones). */
    public void tell(DelegateTask task, Kind kind, Wording wording) {
        Map<String, Audience> recipients = recipients(task, audiences(task, kind));
        Map<Audience, List<String>> byAudience = new EnumMap<>(Audience.class);
        recipients.forEach((user, audience) -> byAudience.computeIfAbsent(audience, a -> new ArrayList<>()).add(user));
        String recordType = catalogue.recordType(processKey(task));
        String recordNo = task.getExecution().getProcessBusinessKey();
        byAudience.forEach((audience, users) -> {
            Text text = wording == null ? defaultWording(kind, audience, task) : wording.to(audience, task);
            notifications.notifyUsers(users, notificationKind(kind, audience), text.title(), text.body(), recordType,
                    recordNo);
        });
    }

    /**
     * Who is told about the task on this occasion, each user with the audience they are told as. The members of every
     * group the audiences name (candidate groups, supervisors, leads) are read in one query.
     */
    public Map<String, Audience> recipients(DelegateTask task, Set<Audience> audiences) {
        List<IdentityLink> candidates = audiences.contains(Audience.WORKERS) && task.getAssignee() == null
                ? task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList()
                : List.of();
        Set<String> groups = new LinkedHashSet<>();
        candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).forEach(groups::add);
        if (audiences.contains(Audience.SUPERVISORS)) {
            groups.add(Role.SUPERVISOR.groupId());
        }
        if (audiences.contains(Audience.LEADS)) {
            groups.add(Role.LEAD.groupId());
        }
        Map<String, List<String>> members = notifications.membersOfGroups(groups);
        Map<String, Audience> recipients = new LinkedHashMap<>();
        for (Audience audience : ORDER) {
            if (audiences.contains(audience)) {
                members(task, audience, candidates, members).forEach(user -> recipients.putIfAbsent(user, audience));
            }
        }
        recipients.keySet().removeIf(user -> user == null || user.isBlank());
        return recipients;
    }

    private Set<Audience> audiences(DelegateTask task, Kind kind) {
        return catalogue.step(processKey(task), task.getTaskDefinitionKey())
                .map(step -> switch (kind) {
                    case NEW -> step.notices().created();
                    case REMINDER -> step.notices().reminded();
                    case OVERDUE -> step.notices().overdue();
                })
                .orElseGet(() -> {
                    if (kind == Kind.NEW) {
                        return Set.of(Audience.WORKERS);
                    }
                    throw new IllegalStateException("No step " + task.getTaskDefinitionKey() + " in " + processKey(task));
                });
    }

    private static Collection<String> members(DelegateTask task, Audience audience, List<IdentityLink> candidates,
                                              Map<String, List<String>> members) {
        return switch (audience) {
            case WORKERS -> workers(task, candidates, members);
            case HANDLER -> {
                Object handler = task.getVariable(HANDLER_VARIABLE);
                yield handler == null ? List.of() : List.of(handler.toString());
            }
            case SUPERVISORS -> members.getOrDefault(Role.SUPERVISOR.groupId(), List.of());
            case LEADS -> members.getOrDefault(Role.LEAD.groupId(), List.of());
        };
    }

    /** The assignee, or else the candidate users and the members of the candidate groups. */
    private static Collection<String> workers(DelegateTask task, List<IdentityLink> candidates,
                                              Map<String, List<String>> members) {
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        Set<String> users = new LinkedHashSet<>();
        for (IdentityLink link : candidates) {
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                users.addAll(members.getOrDefault(link.getGroupId(), List.of()));
            }
        }
        return users;
    }

    /** A reminder is a reminder; when overdue, the workers are urged (催办), everyone else asked to follow it (督办). */
    static NotificationKind notificationKind(Kind kind, Audience audience) {
        return switch (kind) {
            case NEW -> NotificationKind.NEW_TASK;
            case REMINDER -> NotificationKind.REMINDER;
            case OVERDUE -> audience == Audience.WORKERS ? NotificationKind.URGE : NotificationKind.ESCALATION;
        };
    }

    /** The words of a deadline notice: the process, the record's number, the step and its due date; nothing else. */
    public Text defaultWording(Kind kind, Audience audience, DelegateTask task) {
        String recordNo = task.getExecution().getProcessBusinessKey();
        String about = ((TaskEntity) task).getProcessDefinition().getName() + " " + recordNo + " 的“" + task.getName() + "”";
        if (kind == Kind.REMINDER) {
            return new Text("临期提醒：" + recordNo + " " + task.getName(), about + "将于 " + dueText(task) + " 到期，请及时办理。");
        }
        if (audience == Audience.WORKERS) {
            return new Text("已超期：" + recordNo + " " + task.getName(), about + "已于 " + dueText(task) + " 到期，请尽快办理。");
        }
        String holder = task.getAssignee() != null ? "承办人 " + task.getAssignee() : "待认领";
        return new Text("超期督办：" + recordNo + " " + task.getName(),
                about + "已于 " + dueText(task) + " 到期仍未办结（" + holder + "），请督促办理。");
    }

    /** The task's due day, as a notice names it. */
    public String dueText(DelegateTask task) {
        return task.getDueDate() == null ? "（无期限）"
                : LocalDateTime.ofInstant(task.getDueDate().toInstant(), clock.getZone()).toLocalDate().toString();
    }

    private static String processKey(DelegateTask task) {
        return ((TaskEntity) task).getProcessDefinition().getKey();
    }

    /** The user task whose boundary timer leads to the execution's service task. */
    static String timedTaskKey(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (element instanceof FlowNode node) {
            for (SequenceFlow incoming : node.getIncoming()) {
                if (incoming.getSource() instanceof BoundaryEvent timer) {
                    return timer.getAttachedTo().getId();
                }
            }
        }
        throw new IllegalStateException(execution.getCurrentActivityId() + " does not follow a boundary timer");
    }
}
