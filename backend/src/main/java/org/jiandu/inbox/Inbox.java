package org.jiandu.inbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jiandu.identity.CurrentUser;
import org.jiandu.platform.EngineAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four views of a person's work. 我的待办 (assignee = me) and 待认领 (unassigned, a candidate group of mine)
 * are read from the inbox's index of open tasks ({@link OpenTasks}): their badges from its small badge table, a page
 * as a range of its indexes per audience, a few index entries however many tasks are open. 已办 reads the caller's
 * own completed tasks from history; 抄送我的 reads the copies sent to the caller. A page is loaded in a fixed number
 * of queries: the badges, the page (and its count when filtered), the page's tasks from the engine, the names of
 * its organisations and people, and the counts of the other views.
 *
 * <p>The index only finds the tasks; the engine's authorization rows decide what the caller may read. The page's
 * tasks are read again from the engine by id, each checked against the engine's grants to the caller
 * ({@link TaskReadGrants}: the engine's rule, in queries its indexes serve), and what the task is now (name,
 * assignee, due date, priority) comes from that read. The index holds exactly the tasks the engine
 * lets the caller read in these views: the engine grants {@code TASK_WORK} (with {@code READ}) on a task to its
 * assignee and to each candidate group when it sets them ({@code security.EngineLockdown}), and no revoke exists
 * ({@code identity.AccessBootstrap} only grants). Should a task of the page not come back, the page falls back to
 * the engine's checked query, so nothing unauthorised can be shown, and a row of a task the engine no longer has is
 * removed from the index.
 */
@Service
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** The views of the inbox. */
    enum View {
        MINE, CLAIMABLE, DONE, CC
    }

    /**
     * The number of items in each view. {@code done} (已办, a person's whole history) is {@code null} on a page of
     * another view: counting it with every page was 259 of a page's 438 ms of queries at a province's size
     * (docs/PERFORMANCE.md, "Scenario 3"); the 已办 view's own page and {@code GET /api/tasks/counts} give it.
     */
    record Counts(long mine, long claimable, Long done, long cc) {
    }

    record InboxPage(List<TaskRow> items, long total, int page, int size, Counts counts) {
    }

    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final EngineAccess engineAccess;
    private final InboxMapper mapper;
    private final DueFlags dueFlags;
    private final OpenTasks openTasks;
    private final Clock clock;

    Inbox(TaskService taskService, HistoryService historyService, RepositoryService repositoryService,
          EngineAccess engineAccess, InboxMapper mapper, DueFlags dueFlags, OpenTasks openTasks, Clock clock) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.engineAccess = engineAccess;
        this.mapper = mapper;
        this.dueFlags = dueFlags;
        this.openTasks = openTasks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public InboxPage page(CurrentUser user, View view, InboxFilter filter, int page, int size) {
        int offset = page * size;
        OpenTasks.Badges badges = openTasks.badges(user);
        List<TaskRow> rows;
        long total;
        switch (view) {
            case MINE, CLAIMABLE -> {
                List<String> audiences = view == View.MINE ? List.of(OpenTasks.person(user.userId()))
                        : badges.claimableAudiences();
                OpenTaskMapper.Criteria criteria = filter.criteria(clock.getZone());
                total = filter.narrows() ? openTasks.count(audiences, criteria)
                        : view == View.MINE ? badges.mine() : badges.claimable();
                List<OpenTaskMapper.Row> indexed = total <= offset ? List.of()
                        : openTasks.page(audiences, criteria, offset, size);
                Map<String, Task> tasks = openTasks.readable(user, indexed);
                if (tasks.size() == indexed.size()) {
                    rows = taskRows(indexed.stream().map(row -> tasks.get(row.taskId())).toList(), indexed);
                } else {
                    // not expected (see the class comment); the engine's own checked query decides, however slow
                    log.warn("inbox {} of {}: {} task(s) of the page not readable by the caller; engine query used",
                            view, user.userId(), indexed.size() - tasks.size());
                    forgetGone(indexed, tasks.keySet());
                    TaskQuery checked = runtimeQuery(user, view, filter);
                    total = checked.count();
                    rows = total <= offset ? List.of() : openRows(sorted(checked, filter).listPage(offset, size));
                }
            }
            case DONE -> {
                HistoricTaskInstanceQuery query = doneQuery(user, filter);
                total = engineAccess.withoutAuthorizationChecks(query::count);
                rows = total <= offset ? List.of() : historicRows(engineAccess.withoutAuthorizationChecks(
                        () -> sorted(query, filter).listPage(offset, size)));
            }
            case CC -> {
                total = mapper.ccCount(user.userId(), filter);
                rows = total <= offset ? List.of() : ccRows(mapper.ccPage(user.userId(), filter, offset, size));
            }
            default -> throw new IllegalArgumentException(view.name());
        }
        // an unfiltered page's total is its view's badge: counted once
        return new InboxPage(rows, total, page, size, counts(user, badges, filter.narrows() ? null : view, total,
                view == View.DONE));
    }

    /** The number of items in each view, unfiltered: the badges of the inbox. */
    @Transactional(readOnly = true)
    public Counts counts(CurrentUser user) {
        return counts(user, openTasks.badges(user), null, 0, true);
    }

    /**
     * The badges: the two task views' from the inbox index, 抄送我的 unless it is the view {@code counted} (whose
     * count is {@code total}), 已办 only {@code withDone}.
     */
    private Counts counts(CurrentUser user, OpenTasks.Badges badges, View counted, long total, boolean withDone) {
        Long done = counted == View.DONE ? Long.valueOf(total)
                : withDone ? engineAccess.withoutAuthorizationChecks(() -> doneQuery(user, InboxFilter.none()).count())
                : null;
        return new Counts(badges.mine(), badges.claimable(), done,
                counted == View.CC ? total : mapper.ccCount(user.userId(), InboxFilter.none()));
    }

    /** Removes from the index the page's rows whose task the engine does not have at all. */
    private void forgetGone(List<OpenTaskMapper.Row> indexed, Set<String> readable) {
        String[] unread = indexed.stream().map(OpenTaskMapper.Row::taskId).filter(id -> !readable.contains(id))
                .toArray(String[]::new);
        Set<String> existing = engineAccess.withoutAuthorizationChecks(() -> collect(
                taskService.createTaskQuery().taskIdIn(unread).list(), Task::getId));
        openTasks.forget(Arrays.stream(unread).filter(id -> !existing.contains(id)).toList());
    }

    /** Bounds on the due date for "due within N working days" and the yellow / red flags. */
    InboxFilter resolve(String processKey, String businessKey, String agency, Integer dueWithinDays, TaskRow.Flag flag,
                        String text, InboxFilter.Sort sort, boolean ascending) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime after = null;
        LocalDateTime before = null;
        LocalDateTime createdBefore = null;
        if (dueWithinDays != null) {
            before = dueFlags.endOfWorkday(dueWithinDays);
        }
        if (flag == TaskRow.Flag.RED) {
            before = earlier(before, now);
        } else if (flag == TaskRow.Flag.YELLOW) {
            after = now;
            before = earlier(before, dueFlags.warnBound());
            createdBefore = dueFlags.startOfToday();
        }
        return new InboxFilter(blankToNull(processKey), blankToNull(businessKey), blankToNull(agency), after, before,
                createdBefore, blankToNull(text), sort, ascending);
    }

    private TaskQuery runtimeQuery(CurrentUser user, View view, InboxFilter filter) {
        TaskQuery query = taskService.createTaskQuery();
        if (view == View.MINE) {
            query.taskAssignee(user.userId());
        } else {
            query.taskUnassigned().taskCandidateGroupIn(user.engineGroups());
        }
        filter.applyTo(clock.getZone(), query::processDefinitionKey, query::processInstanceBusinessKeyLike,
                agency -> query.processVariableValueEquals(TaskRecords.AGENCY_VARIABLE, agency),
                query::dueAfter, query::dueBefore, query::taskCreatedBefore,
                text -> query.or().taskNameLike(text).processInstanceBusinessKeyLike(text).processDefinitionNameLike(text)
                        .endOr());
        return query;
    }

    private static TaskQuery sorted(TaskQuery query, InboxFilter filter) {
        filter.orderOn(query, query::orderByDueDate, query::orderByTaskPriority, query::orderByTaskCreateTime);
        return query.orderByTaskId().asc();
    }

    private HistoricTaskInstanceQuery doneQuery(CurrentUser user, InboxFilter filter) {
        HistoricTaskInstanceQuery query = historyService.createHistoricTaskInstanceQuery()
                .taskAssignee(user.userId()).finished().taskDeleteReason("completed");
        filter.applyTo(clock.getZone(), query::processDefinitionKey, query::processInstanceBusinessKeyLike,
                agency -> query.processVariableValueEquals(TaskRecords.AGENCY_VARIABLE, agency),
                query::taskDueAfter, query::taskDueBefore, query::startedBefore,
                text -> query.or().taskNameLike(text).processInstanceBusinessKeyLike(text).endOr());
        return query;
    }

    private static HistoricTaskInstanceQuery sorted(HistoricTaskInstanceQuery query, InboxFilter filter) {
        filter.orderOn(query, query::orderByTaskDueDate, query::orderByTaskPriority,
                query::orderByHistoricTaskInstanceEndTime);
        return query.orderByTaskId().asc();
    }

    /** Rows of these open tasks, with the index's rows of them. */
    List<TaskRow> openRows(List<Task> tasks) {
        return taskRows(tasks, openTasks.rows(collect(tasks, Task::getId)));
    }

    /**
     * Rows of open tasks: what the task is now from the engine (name, assignee, dates, priority), what record it
     * belongs to from the index's row of it (business key, agency, process).
     */
    private List<TaskRow> taskRows(List<Task> tasks, List<OpenTaskMapper.Row> indexed) {
        Map<String, OpenTaskMapper.Row> index = indexed.stream()
                .collect(Collectors.toMap(OpenTaskMapper.Row::taskId, Function.identity()));
        Names names = names(collect(indexed, OpenTaskMapper.Row::agencyCode), collect(tasks, Task::getAssignee));
        DueFlags.Flags flags = dueFlags.flags();
        return tasks.stream().map(task -> {
            OpenTaskMapper.Row row = index.getOrDefault(task.getId(), new OpenTaskMapper.Row(task.getId(), null, null,
                    null, null, null, null, null, null, 0));
            return new TaskRow(task.getId(), InboxTexts.title(row.processName(), row.businessKey()),
                    row.businessKey(), row.processKey(), row.processName(), row.agencyCode(),
                    names.orgs().get(row.agencyCode()), task.getName(), task.getAssignee(),
                    names.users().get(task.getAssignee()), task.getOwner(),
                    task.getDelegationState() == null ? null : task.getDelegationState().name(),
                    offset(task.getCreateTime()), offset(task.getDueDate()), null, task.getPriority(),
                    flags.of(task.getCreateTime(), task.getDueDate()), null, null);
        }).toList();
    }

    List<TaskRow> historicRows(List<HistoricTaskInstance> tasks) {
        Set<String> instanceIds = collect(tasks, HistoricTaskInstance::getProcessInstanceId);
        Set<String> definitionIds = collect(tasks, HistoricTaskInstance::getProcessDefinitionId);
        Lookups lookups = engineAccess.withoutAuthorizationChecks(() -> new Lookups(
                historyService.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(instance -> instance.getBusinessKey() != null)
                        .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey)),
                historyService.createHistoricVariableInstanceQuery()
                        .processInstanceIdIn(instanceIds.toArray(String[]::new))
                        .variableName(TaskRecords.AGENCY_VARIABLE).disableBinaryFetching().list().stream()
                        .filter(variable -> variable.getValue() != null
                                && Objects.equals(variable.getActivityInstanceId(), variable.getProcessInstanceId()))
                        .collect(Collectors.toMap(variable -> variable.getProcessInstanceId(),
                                variable -> String.valueOf(variable.getValue()), (a, b) -> a)),
                definitions(definitionIds)));
        Names names = names(lookups.agencies().values(), collect(tasks, HistoricTaskInstance::getAssignee));
        return tasks.stream().map(task -> {
            ProcessDefinition definition = lookups.definitions().get(task.getProcessDefinitionId());
            String processName = definition == null ? null : definition.getName();
            String businessKey = lookups.businessKeys().get(task.getProcessInstanceId());
            String agency = lookups.agencies().get(task.getProcessInstanceId());
            boolean late = task.getDueDate() != null && task.getEndTime() != null
                    && task.getEndTime().after(task.getDueDate());
            return new TaskRow(task.getId(), InboxTexts.title(processName, businessKey), businessKey,
                    task.getProcessDefinitionKey(), processName, agency, names.orgs().get(agency), task.getName(),
                    task.getAssignee(), names.users().get(task.getAssignee()), task.getOwner(), null,
                    offset(task.getStartTime()), offset(task.getDueDate()), offset(task.getEndTime()),
                    task.getPriority(), late ? TaskRow.Flag.RED : TaskRow.Flag.NONE, null, null);
        }).toList();
    }

    private List<TaskRow> ccRows(List<InboxMapper.CcRow> copies) {
        Names names = names(collect(copies, InboxMapper.CcRow::agencyCode), List.of());
        DueFlags.Flags flags = dueFlags.flags();
        return copies.stream().map(cc -> {
            Date due = cc.taskDueAt() == null ? null : date(cc.taskDueAt());
            return new TaskRow(cc.taskId(), InboxTexts.title(cc.processName(), cc.businessKey()), cc.businessKey(),
                    cc.processKey(), cc.processName(), cc.agencyCode(), names.orgs().get(cc.agencyCode()),
                    cc.stepName(), null, null, null, null, offset(date(cc.taskCreatedAt())), offset(due), null, null,
                    flags.of(date(cc.taskCreatedAt()), due), cc.ccBy(), cc.readAt() != null);
        }).toList();
    }

    private Map<String, ProcessDefinition> definitions(Set<String> definitionIds) {
        return repositoryService.createProcessDefinitionQuery()
                .processDefinitionIdIn(definitionIds.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
    }

    private Names names(Collection<String> orgCodes, Collection<String> userIds) {
        Set<String> codes = orgCodes.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> users = userIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return new Names(codes.isEmpty() ? new HashMap<>() : toMap(mapper.orgNames(codes)),
                users.isEmpty() ? new HashMap<>() : toMap(mapper.userNames(users)));
    }

    private Date date(LocalDateTime time) {
        return time == null ? null : Date.from(time.atZone(clock.getZone()).toInstant());
    }

    private OffsetDateTime offset(Date date) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), clock.getZone());
    }

    private static Map<String, String> toMap(List<InboxMapper.Named> named) {
        Map<String, String> map = new HashMap<>();
        named.forEach(n -> map.put(n.id(), n.name()));
        return map;
    }

    private static <T> Set<String> collect(Collection<T> items, Function<T, String> key) {
        return items.stream().map(key).filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Lookups(Map<String, String> businessKeys, Map<String, String> agencies,
                           Map<String, ProcessDefinition> definitions) {
    }

    private record Names(Map<String, String> orgs, Map<String, String> users) {
    }
}
