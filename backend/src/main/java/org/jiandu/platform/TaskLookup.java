package org.jiandu.platform;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Open tasks looked up by a fixed SQL statement (Camunda's native task query) instead of a {@code TaskQuery}, for the
 * look-ups whose authorization our own rule has decided already: the answers a {@code TaskQuery} gives with the
 * engine's checks off ({@link EngineAccess#withoutAuthorizationChecks}), the same {@code TaskEntity} objects in the
 * same command's cache, but without building the statement. Camunda builds a {@code TaskQuery}'s SQL anew on every
 * execution from a mapping of several hundred OGNL conditions; in a profile of the interactive benchmark that was
 * 10 % of the request threads' CPU (docs/PERFORMANCE.md, "Task look-ups without the query builder").
 *
 * <p>A native query applies no authorization and no tenant check, so nothing here may answer a question the caller's
 * rights decide (a person's inbox, a task the person names without a record they may see): those stay
 * {@code TaskQuery}s with the engine's checks on. A step named under a record the caller may see is one of the
 * record's own open steps (its detail lists them); whether the caller may work it, the engine checks at completion.
 */
@Component
public class TaskLookup {

    private final TaskService taskService;
    private final String tasks;
    private final String executions;

    TaskLookup(TaskService taskService, ManagementService managementService) {
        this.taskService = taskService;
        this.tasks = managementService.getTableName(TaskEntity.class);
        this.executions = managementService.getTableName(ExecutionEntity.class);
    }

    /** Every task of a process instance, oldest first (as {@code processInstanceId(id).orderByTaskCreateTime().asc()}). */
    public List<Task> ofProcessInstance(String processInstanceId) {
        return query("SELECT RES.* FROM " + tasks + " RES WHERE RES.PROC_INST_ID_ = #{processInstanceId}"
                + " ORDER BY RES.CREATE_TIME_ ASC, RES.ID_ ASC")
                .parameter("processInstanceId", processInstanceId).list();
    }

    /**
     * The active tasks of the process instances with this business key, at one step or (with {@code taskKey} null) at
     * any, oldest first (as {@code processInstanceBusinessKey(key).taskDefinitionKey(step).active()
     * .orderByTaskCreateTime().asc()}).
     */
    public List<Task> activeOfRecord(String businessKey, String taskKey) {
        NativeTaskQuery query = query("SELECT RES.* FROM " + tasks + " RES INNER JOIN " + executions
                + " E ON RES.PROC_INST_ID_ = E.ID_ WHERE E.BUSINESS_KEY_ = #{businessKey}"
                + (taskKey == null ? "" : " AND RES.TASK_DEF_KEY_ = #{taskKey}")
                + " AND RES.SUSPENSION_STATE_ = 1 ORDER BY RES.CREATE_TIME_ ASC, RES.ID_ ASC")
                .parameter("businessKey", businessKey);
        return (taskKey == null ? query : query.parameter("taskKey", taskKey)).list();
    }

    /** The task with this id if it is open and active (as {@code taskId(id).active()}). */
    public Optional<Task> activeById(String taskId) {
        return Optional.ofNullable(query("SELECT RES.* FROM " + tasks + " RES WHERE RES.ID_ = #{taskId}"
                + " AND RES.SUSPENSION_STATE_ = 1").parameter("taskId", taskId).singleResult());
    }

    /** The open tasks among these ids, in no particular order (as {@code taskIdIn(ids)}). */
    public List<Task> byIds(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        String placeholders = IntStream.range(0, taskIds.size()).mapToObj(i -> "#{id" + i + "}")
                .collect(Collectors.joining(", "));
        NativeTaskQuery query = query("SELECT RES.* FROM " + tasks + " RES WHERE RES.ID_ IN (" + placeholders + ")");
        for (int i = 0; i < taskIds.size(); i++) {
            query.parameter("id" + i, taskIds.get(i));
        }
        return query.list();
    }

    private NativeTaskQuery query(String sql) {
        return taskService.createNativeTaskQuery().sql(sql);
    }
}
