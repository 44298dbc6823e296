package org.jiandu.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inbox's own index of the open tasks ({@code inbox_task}) and their badges ({@code inbox_badge}), so that a page
 * of 我的待办 or 待认领 and its counts read a few index entries however many tasks are open (docs/PERFORMANCE.md,
 * "Scenario 3"). Camunda answers those views from all unassigned tasks joined with their candidate links, sorted
 * each time: 0.8 s a page at 12,000 open tasks, growing with them.
 *
 * <p>Kept by this listener, which the platform gives every user task ({@link InboxEnginePlugin}) for {@code create},
 * {@code assignment}, {@code update} (candidate groups, due date, priority), {@code complete} and {@code delete},
 * whichever door changed the task: {@code /api}, Tasklist or {@code /engine-rest}. What a listener sees is kept per
 * transaction and written just before it commits, in the same transaction: the last state of each task once, and
 * the badges' changes summed per audience and written in a fixed order, so two transactions never wait for each
 * other in a cycle on the badges. A rolled-back action leaves no trace here.
 *
 * <p>The index decides nothing about access: the page's tasks are checked against the engine's grants
 * ({@link TaskReadGrants}), and a row whose task the engine does not have (its tables changed by hand) is
 * {@link #forget forgotten} when a page meets it. The listener is built in, so Cockpit's "skip custom listeners"
 * does not skip it.
 */
@Component
class OpenTasks implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(OpenTasks.class);
    /** Rows per audience in {@code inbox_badge}: writers pick one at random. */
    private static final int SHARDS = 8;
    private static final String PERSON = "u:";
    private static final String GROUPS = "g:";
    /** The length of {@code inbox_task.audience} (and {@code inbox_badge.audience}). */
    private static final int AUDIENCE_LENGTH = 500;

    private final OpenTaskMapper mapper;
    private final TaskReadGrants readGrants;

    OpenTasks(OpenTaskMapper mapper, TaskReadGrants readGrants) {
        this.mapper = mapper;
        this.readGrants = readGrants;
    }

    /** The audience of a person's own tasks. */
    static String person(String userId) {
        return PERSON + userId;
    }

    /** The audience of an unassigned task with these candidate groups. */
    static String groups(Collection<String> groupIds) {
        return GROUPS + groupIds.stream().filter(Objects::nonNull).distinct().sorted().collect(Collectors.joining(","));
    }

    /** Whether an audience of unassigned tasks reaches a member of one of {@code groupIds}. */
    static boolean reaches(String audience, Collection<String> groupIds) {
        if (!audience.startsWith(GROUPS) || audience.length() == GROUPS.length()) {
            return false;
        }
        for (String group : audience.substring(GROUPS.length()).split(",")) {
            if (groupIds.contains(group)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ keeping the index

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE ->
                    changes().changed((TaskEntity) task, EVENTNAME_CREATE.equals(task.getEventName()));
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> changes().gone(task.getId());
            default -> {
                // timeout: nothing of the task changes
            }
        }
    }

    /**
     * What the index keeps of a task, read as its command closes (the execution and variables are at hand). A
     * candidate link deleted in the command is still in the task's list until the flush: the command's entity cache
     * says which are.
     */
    private static OpenTaskMapper.Row row(TaskEntity task, CommandContext command) {
        String audience = task.getAssignee() != null ? person(task.getAssignee())
                : groups(task.getIdentityLinks().stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                                && !command.getDbEntityManager().isDeleted(link))
                        .map(IdentityLinkEntity::getGroupId).toList());
        if (audience.length() > AUDIENCE_LENGTH) {
            throw new BadUserRequestException("The candidate groups of task " + task.getId() + " exceed "
                    + AUDIENCE_LENGTH + " characters in all (" + audience.length() + ")");
        }
        ProcessDefinitionEntity definition = task.getProcessDefinition();
        ExecutionEntity execution = task.getExecution();
        String businessKey = null;
        String agency = null;
        if (execution != null) {
            businessKey = execution.getProcessBusinessKey();
            Object value = execution.getProcessInstance().getVariableLocal(TaskRecords.AGENCY_VARIABLE);
            agency = value == null ? null : value.toString();
        }
        return new OpenTaskMapper.Row(task.getId(), audience, definition == null ? null : definition.getKey(),
                definition == null ? null : definition.getName(), businessKey, agency, task.getName(),
                task.getCreateTime(), task.getDueDate(), task.getPriority());
    }

    /** This transaction's changes, found among its synchronizations (so a suspended transaction keeps its own). */
    private Changes changes() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a task changed outside a Spring-managed transaction: the inbox index "
                    + "cannot follow it");
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Changes changes && changes.owner == this) {
                return changes;
            }
        }
        Changes changes = new Changes(this);
        TransactionSynchronizationManager.registerSynchronization(changes);
        return changes;
    }

    /**
     * The tasks a transaction changed. A changed task is read when its engine command closes, after every listener
     * of the command (a BPMN listener may set the assignee after this one ran); each task's last state (null: gone) is
     * written before the transaction commits.
     */
    private static final class Changes implements TransactionSynchronization, CommandContextListener {

        private final OpenTasks owner;
        private final Map<String, TaskEntity> pending = new LinkedHashMap<>();
        private final Map<String, OpenTaskMapper.Row> last = new LinkedHashMap<>();
        private final Set<String> createdHere = new HashSet<>();
        private CommandContext listeningTo;

        Changes(OpenTasks owner) {
            this.owner = owner;
        }

        void changed(TaskEntity task, boolean created) {
            if (created) {
                createdHere.add(task.getId());
            }
            pending.put(task.getId(), task);
            CommandContext command = Context.getCommandContext();
            if (command != listeningTo) {
                command.registerCommandContextListener(this);
                listeningTo = command;
            }
        }

        void gone(String taskId) {
            pending.remove(taskId);
            last.put(taskId, null);
        }

        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            pending.values().forEach(task -> last.put(task.getId(), row(task, commandContext)));
            pending.clear();
            listeningTo = null;
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable failure) {
            // the transaction rolls back: nothing of it is written
            pending.clear();
            listeningTo = null;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.write(last, createdHere);
        }
    }

    private void write(Map<String, OpenTaskMapper.Row> last, Set<String> createdHere) {
        List<String> known = last.keySet().stream().filter(id -> !createdHere.contains(id)).toList();
        Map<String, String> before = new LinkedHashMap<>();
        if (!known.isEmpty()) {
            mapper.audiences(known).forEach(row -> before.put(row.id(), row.name()));
        }
        Map<String, Long> badges = new TreeMap<>();
        List<String> gone = new ArrayList<>();
        last.forEach((taskId, row) -> {
            String old = before.get(taskId);
            if (old != null) {
                badges.merge(old, -1L, Long::sum);
            }
            if (row == null) {
                if (old != null) {
                    gone.add(taskId);
                }
                return;
            }
            badges.merge(row.audience(), 1L, Long::sum);
            if (old == null) {
                mapper.insert(row);
            } else {
                mapper.update(row);
            }
        });
        if (!gone.isEmpty()) {
            mapper.delete(gone);
        }
        badges.forEach(this::add);
    }

    /** Adds {@code delta} to one of the audience's badge rows, picked at random. */
    private void add(String audience, long delta) {
        if (delta != 0) {
            add(audience, ThreadLocalRandom.current().nextInt(SHARDS), delta);
        }
    }

    /**
     * Adds {@code delta} to the audience's badge row {@code shard}, made by its first task. On MySQL / MariaDB the
     * mapper does both in one statement (OpenTaskMapper.xml says why); elsewhere a row made meanwhile is added to.
     */
    void add(String audience, int shard, long delta) {
        if (mapper.addToBadge(audience, shard, delta) > 0) {
            return;
        }
        try {
            mapper.insertBadge(audience, shard, delta);
        } catch (DuplicateKeyException madeMeanwhile) {
            mapper.addToBadge(audience, shard, delta);
        }
    }

    /**
     * Removes the rows of tasks the engine does not have (their badges too), in a transaction of its own: a page met
     * them, so something changed the engine's tables without the engine.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forget(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        log.warn("inbox index: the rows of tasks the engine does not have are removed: {}", taskIds);
        Map<String, OpenTaskMapper.Row> gone = new LinkedHashMap<>();
        taskIds.forEach(taskId -> gone.put(taskId, null));
        write(gone, Set.of());
    }

    // ---------------------------------------------------------------------------------------------- reading it

    /** The badges a person sees of the two task views, and the audiences of unassigned tasks that reach them. */
    record Badges(long mine, long claimable, List<String> claimableAudiences) {
    }

    /** One query over the small badge table: the person's own row and every group audience's. */
    Badges badges(CurrentUser user) {
        String mine = person(user.userId());
        List<String> groups = user.engineGroups();
        long mineCount = 0;
        long claimable = 0;
        List<String> audiences = new ArrayList<>();
        for (OpenTaskMapper.Badge badge : mapper.badges(mine, GROUPS + "%")) {
            if (badge.audience().equals(mine)) {
                mineCount = badge.openTasks();
            } else if (reaches(badge.audience(), groups)) {
                claimable += badge.openTasks();
                audiences.add(badge.audience());
            }
        }
        return new Badges(mineCount, claimable, audiences);
    }

    /** The rows of a page of the audiences' tasks, in the filter's order. */
    List<OpenTaskMapper.Row> page(List<String> audiences, OpenTaskMapper.Criteria criteria, int offset, int size) {
        return audiences.isEmpty() ? List.of() : mapper.page(audiences, criteria, offset, size);
    }

    /**
     * The engine's tasks of a page of the index that the caller may read, by id: a task missing here is gone or,
     * against what the index is built on, not the caller's ({@link TaskReadGrants}).
     */
    Map<String, Task> readable(CurrentUser user, List<OpenTaskMapper.Row> indexed) {
        return readGrants.readable(user, indexed);
    }

    /** The index's rows of these tasks (those it has). */
    List<OpenTaskMapper.Row> rows(Collection<String> taskIds) {
        return taskIds.isEmpty() ? List.of() : mapper.rows(taskIds);
    }

    /** The number of the audiences' tasks the filter keeps. */
    long count(List<String> audiences, OpenTaskMapper.Criteria criteria) {
        return audiences.isEmpty() ? 0 : mapper.count(audiences, criteria);
    }
}
