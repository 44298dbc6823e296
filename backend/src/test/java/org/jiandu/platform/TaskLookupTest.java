package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link TaskLookup} answers exactly what the engine's {@code TaskQuery} answers with its checks off: the same tasks,
 * in the same order, the active ones only where the query asked for them.
 */
class TaskLookupTest extends IntegrationTest {

    private static final String KEY = "task-lookup-test";

    @Autowired
    private TaskLookup lookup;
    @Autowired
    private TaskService taskService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private EngineAccess engineAccess;

    private Deployment deployment;

    @BeforeEach
    void deployThreeParallelSteps() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("fork")
                .userTask("A").name("甲").camundaCandidateGroups("clerk").endEvent()
                .moveToNode("fork").userTask("B").name("乙").camundaAssignee("lead").endEvent()
                .moveToNode("fork").userTask("C").name("丙").camundaCandidateGroups("supervisor").endEvent()
                .done();
        deployment = repositoryService.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void theSameTasksAsTheEnginesQueryInTheSameOrder() {
        ProcessInstance first = runtimeService.startProcessInstanceByKey(KEY, "TL-1");
        ProcessInstance second = runtimeService.startProcessInstanceByKey(KEY, "TL-2");
        runtimeService.suspendProcessInstanceById(second.getId());

        List<Task> all = lookup.ofProcessInstance(first.getId());
        assertThat(ids(all)).hasSize(3).isEqualTo(ids(sorted(engine(() -> taskService.createTaskQuery()
                .processInstanceId(first.getId()).orderByTaskCreateTime().asc().list()))));
        assertThat(lookup.ofProcessInstance(second.getId())).as("suspended ones too, as the query without active()")
                .hasSize(3);
        Task b = all.stream().filter(task -> task.getTaskDefinitionKey().equals("B")).findFirst().orElseThrow();
        Task queried = engine(() -> taskService.createTaskQuery().taskId(b.getId()).singleResult());
        assertThat(b.getName()).isEqualTo(queried.getName()).isEqualTo("乙");
        assertThat(b.getAssignee()).isEqualTo("lead");
        assertThat(b.getProcessInstanceId()).isEqualTo(first.getId());
        assertThat(b.getCreateTime()).isEqualTo(queried.getCreateTime());

        assertThat(ids(lookup.activeOfRecord("TL-1", "A"))).hasSize(1).isEqualTo(ids(sorted(engine(() -> taskService
                .createTaskQuery().processInstanceBusinessKey("TL-1").taskDefinitionKey("A").active()
                .orderByTaskCreateTime().asc().list()))));
        assertThat(ids(lookup.activeOfRecord("TL-1", null))).hasSize(3).isEqualTo(ids(sorted(engine(() -> taskService
                .createTaskQuery().processInstanceBusinessKey("TL-1").active().orderByTaskCreateTime().asc().list()))));
        assertThat(lookup.activeOfRecord("TL-2", null)).as("a suspended instance has no active task").isEmpty();
        assertThat(lookup.activeOfRecord("TL-3", null)).isEmpty();

        String suspendedTask = lookup.ofProcessInstance(second.getId()).get(0).getId();
        assertThat(lookup.activeById(b.getId())).map(Task::getId).contains(b.getId());
        assertThat(lookup.activeById(suspendedTask)).isEmpty();
        assertThat(lookup.activeById("no-such-task")).isEmpty();

        List<String> asked = List.of(b.getId(), suspendedTask, "no-such-task",
                all.get(2).getId());
        assertThat(ids(lookup.byIds(asked))).containsExactlyInAnyOrderElementsOf(ids(engine(() -> taskService
                .createTaskQuery().taskIdIn(asked.toArray(String[]::new)).list()))).hasSize(3);
        assertThat(lookup.byIds(List.of())).isEmpty();
    }

    private <T> T engine(java.util.function.Supplier<T> query) {
        return engineAccess.withoutAuthorizationChecks(query);
    }

    /** The engine orders by creation time; tasks made in one transaction share it, and then the id decides. */
    private static List<Task> sorted(List<Task> tasks) {
        return tasks.stream().sorted(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId)).toList();
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }
}
