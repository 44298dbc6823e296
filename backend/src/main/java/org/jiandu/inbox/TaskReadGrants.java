package org.jiandu.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.identity.CurrentUser;
import org.jiandu.platform.TaskLookup;
import org.springframework.stereotype.Component;

/**
 * Which tasks of an inbox page the engine lets the caller read, decided by the engine's own authorization rows in the
 * way its authorized task query decides it (a global authorization or grant, to the caller, one of their groups or
 * everybody, of READ on the task or on every task, or of READ_TASK on its process definition or on every one; no
 * revoke) but in two queries the database answers from its indexes. The engine's own query joins its authorization
 * rows on an OR of three columns: 340 ms for the 20 tasks of a page at 100,000 open tasks, most of the page
 * (docs/PERFORMANCE.md, "Scenario 3"). Where a revoke could change the answer, and for the engine's admins (who need
 * no grant), the engine's authorized query decides.
 */
@Component
class TaskReadGrants {

    /** Camunda's resource types, the numbers TaskGrantMapper.xml tests. */
    private static final int TASK = Resources.TASK.resourceType();
    private static final int PROCESS_DEFINITION = Resources.PROCESS_DEFINITION.resourceType();
    private static final String ANY = Authorization.ANY;

    private final TaskGrantMapper mapper;
    private final TaskService taskService;
    private final TaskLookup lookup;

    TaskReadGrants(TaskGrantMapper mapper, TaskService taskService, TaskLookup lookup) {
        this.mapper = mapper;
        this.taskService = taskService;
        this.lookup = lookup;
    }

    /** The indexed tasks the caller may read, by id, as the engine has them now. */
    Map<String, Task> readable(CurrentUser user, List<OpenTaskMapper.Row> indexed) {
        if (indexed.isEmpty()) {
            return Map.of();
        }
        String[] ids = indexed.stream().map(OpenTaskMapper.Row::taskId).toArray(String[]::new);
        List<String> groups = user.engineGroups();
        if (mapper.anyRevoke(user.userId(), groups) || !allGranted(user.userId(), groups, indexed)) {
            // a revoke could change the answer, or a task is not granted here (an engine admin, or not the
            // caller's): the engine's own check decides
            return byId(taskService.createTaskQuery().taskIdIn(ids).list());
        }
        // every one granted, as the engine would check it: the same tasks, read by a fixed statement
        return byId(lookup.byIds(List.of(ids)));
    }

    /**
     * Whether a grant to the user, one of the groups or everybody gives READ on each task, or READ_TASK on its process
     * definition.
     */
    private boolean allGranted(String userId, List<String> groups, List<OpenTaskMapper.Row> indexed) {
        Set<String> definitionKeys = indexed.stream().map(OpenTaskMapper.Row::processKey).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<TaskGrantMapper.Grant> granted = new HashSet<>(mapper.readGrants(userId, groups,
                indexed.stream().map(OpenTaskMapper.Row::taskId).toList(),
                definitionKeys.isEmpty() ? Set.of(ANY) : definitionKeys));
        return indexed.stream().allMatch(row -> granted.contains(new TaskGrantMapper.Grant(TASK, ANY))
                || granted.contains(new TaskGrantMapper.Grant(TASK, row.taskId()))
                || granted.contains(new TaskGrantMapper.Grant(PROCESS_DEFINITION, ANY))
                || row.processKey() != null
                        && granted.contains(new TaskGrantMapper.Grant(PROCESS_DEFINITION, row.processKey())));
    }

    private static Map<String, Task> byId(Collection<Task> tasks) {
        return tasks.stream().collect(Collectors.toMap(Task::getId, Function.identity()));
    }
}
