package org.jiandu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.jiandu.IntegrationTest;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;
import org.jiandu.notification.Notifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every step of every process reminds, and tells that it is overdue, exactly the people its {@link Notices} declare,
 * exactly once: each declared step is started on its own (on a real record where the process's timers need one), the
 * clock is moved past its reminder and then its overdue instant and the due timer jobs run, and the notices about the
 * record are counted per person and kind. Each timer's service task is then run a second time (a timer firing twice):
 * nobody is told again.
 */
class StepDeadlineNoticesTest extends IntegrationTest {

    @Autowired
    StepCatalogue catalogue;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    Notifications notifications;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyStepRemindsAndEscalatesItsDeclaredAudiencesExactlyOnce() {
        Map<String, Record> records = records();
        int checked = 0;
        for (ProcessStep step : catalogue.all()) {
            Record record = records.get(step.processKey());
            String processInstanceId = startAlone(step, record);
            List<Job> timers = managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()
                    .stream().sorted(Comparator.comparing(Job::getDuedate)).toList();
            assertThat(timers).as(step + ": a reminder and an overdue timer").hasSizeGreaterThanOrEqualTo(2);

            Map<String, List<String>> reminded = fire(processInstanceId, record.businessKey(), timers.get(0));
            assertThat(reminded).as(step + ": reminded once, the declared audiences, nobody else")
                    .isEqualTo(expected(step, step.notices().reminded(), record.variables(), StepNotifier.Kind.REMINDER));
            assertThat(fireAgain(processInstanceId, record.businessKey(), timers.get(0)))
                    .as(step + ": its reminder timer firing again tells nobody").isEmpty();

            Map<String, List<String>> overdue = fire(processInstanceId, record.businessKey(), timers.get(1));
            assertThat(overdue).as(step + ": told it is overdue once, the declared audiences, nobody else")
                    .isEqualTo(expected(step, step.notices().overdue(), record.variables(), StepNotifier.Kind.OVERDUE));
            assertThat(fireAgain(processInstanceId, record.businessKey(), timers.get(1)))
                    .as(step + ": its overdue timer firing again tells nobody").isEmpty();

            endProcesses(record.businessKey());
            ClockUtil.reset();
            checked++;
        }
        assertThat(checked).isEqualTo(catalogue.all().size()).isGreaterThanOrEqualTo(29);
    }

    @Test
    void anOverdueClaimedTaskUrgesItsHolderAloneAndTellsTheLeads() {
        ProcessStep verify = catalogue.step("rectification-tracking", "Task_VerifyRectification").orElseThrow();
        Record record = records().get("rectification-tracking");
        String processInstanceId = startAlone(verify, record);
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        taskService.claim(task.getId(), "supervisor2");
        List<Job> timers = managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()
                .stream().sorted(Comparator.comparing(Job::getDuedate)).toList();
        assertThat(fire(processInstanceId, record.businessKey(), timers.get(0)))
                .isEqualTo(Map.of("supervisor2", List.of("REMINDER")));
        Map<String, List<String>> expected = new TreeMap<>();
        notifications.membersOfGroup(Role.LEAD.groupId()).forEach(lead -> expected.put(lead, List.of("ESCALATION")));
        expected.put("supervisor2", List.of("URGE"));
        assertThat(fire(processInstanceId, record.businessKey(), timers.get(1))).isEqualTo(expected);
        endProcesses(record.businessKey());
    }

    /** A business key and the variables a process's step needs, on a real record where its timers look one up. */
    private record Record(String businessKey, Map<String, Object> variables) {
    }

    private Map<String, Record> records() {
        Date inAWeek = Date.from(Instant.now().plus(7, ChronoUnit.DAYS));
        Map<String, Object> common = new HashMap<>();
        common.put("agencyCode", "HBJ");
        common.put("targetOrgCode", "JW");
        common.put("handler", "supervisor2");
        common.put("supervisorId", "supervisor");
        common.put("participant", "supervisor2");
        common.put("investigationDue", inAWeek);
        common.put("planDue", inAWeek);
        common.put("replyDue", inAWeek);
        common.put("completionDue", inAWeek);
        common.put("reportCycleDays", 5);

        Map<String, Record> records = new HashMap<>();
        records.put("supervision-case", new Record("DN-" + System.nanoTime(), common));
        String complaint = complaint();
        String clue = clue();
        String[] letterAndRectification = rectification();
        records.put("complaint-handling", real(complaint, common));
        records.put("clue-transfer", real(clue, common));
        records.put("rectification-tracking", real(letterAndRectification[1], common));
        records.put("supervision-letter", real(letterAndRectification[0], common));
        records.values().forEach(record -> endProcesses(record.businessKey()));
        return records;
    }

    /** The record's own variables (its issuer, its agency), with the test's due dates and people. */
    private Record real(String businessKey, Map<String, Object> common) {
        Map<String, Object> variables = new HashMap<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .list()) {
            variables.putAll(runtimeService.getVariables(instance.getId()));
        }
        variables.putAll(common);
        return new Record(businessKey, variables);
    }

    /**
     * No process runs or ran under the number (a letter's ending may end its rectification's with it), so that the
     * step's process may start again under it (one instance per business key, counted in the history).
     */
    private void endProcesses(String businessKey) {
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .list()) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                runtimeService.deleteProcessInstance(instance.getId(), "test", true, true);
            }
        }
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(ended -> historyService.deleteHistoricProcessInstanceIfExists(ended.getId()));
    }

    /** The step alone, in a new instance of its process under the record's number; the diagram's own listeners off. */
    private String startAlone(ProcessStep step, Record record) {
        endProcesses(record.businessKey());
        runtimeService.createProcessInstanceByKey(step.processKey()).businessKey(record.businessKey())
                .setVariables(record.variables()).startBeforeActivity(step.taskKey()).execute(true, false);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(record.businessKey()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(step.taskKey());
        return task.getProcessInstanceId();
    }

    /** The clock just past the timer, and every timer then due run: the notices about the record it caused. */
    private Map<String, List<String>> fire(String processInstanceId, String businessKey, Job timer) {
        long mark = lastNotification();
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(1, ChronoUnit.MINUTES)));
        List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .duedateLowerThan(ClockUtil.getCurrentTime()).list();
        assertThat(due).extracting(Job::getId).contains(timer.getId());
        due.forEach(job -> managementService.executeJob(job.getId()));
        return toldSince(mark, businessKey);
    }

    /** The timer's service task run once more, as if the timer fired twice. */
    private Map<String, List<String>> fireAgain(String processInstanceId, String businessKey, Job timer) {
        long mark = lastNotification();
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getProcessDefinitionId();
        BoundaryEvent boundary = repositoryService.getBpmnModelInstance(definitionId)
                .getModelElementById(timerActivity(timer));
        String serviceTask = boundary.getOutgoing().iterator().next().getTarget().getId();
        runtimeService.createProcessInstanceModification(processInstanceId).startBeforeActivity(serviceTask)
                .execute(true, false);
        return toldSince(mark, businessKey);
    }

    /** The boundary event a timer job belongs to. */
    private String timerActivity(Job timer) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private long lastNotification() {
        Long last = jdbc.queryForObject("SELECT MAX(id) FROM notification", Long.class);
        return last == null ? 0 : last;
    }

    /** The deadline notices about the record since the mark, per person (a step the timer led to is told it is new). */
    private Map<String, List<String>> toldSince(long mark, String businessKey) {
        Map<String, List<String>> told = new TreeMap<>();
        jdbc.queryForList("SELECT recipient, kind FROM notification WHERE id > ? AND record_no = ?"
                + " AND kind IN ('REMINDER', 'URGE', 'ESCALATION') ORDER BY id", mark, businessKey).forEach(row -> told.computeIfAbsent((String) row.get("recipient"), user -> new ArrayList<>())
                .add((String) row.get("kind")));
        return told;
    }

    /**
     * Whom the declaration names, worked out here from the catalogue and the variables, not by the notifier: each
     * person once, as the first audience naming them; a worker is urged when overdue, everyone else escalated to.
     */
    private Map<String, List<String>> expected(ProcessStep step, Set<Audience> audiences, Map<String, Object> variables,
                                               StepNotifier.Kind kind) {
        Map<String, Audience> recipients = new LinkedHashMap<>();
        for (Audience audience : List.of(Audience.WORKERS, Audience.HANDLER, Audience.SUPERVISORS, Audience.LEADS)) {
            if (!audiences.contains(audience)) {
                continue;
            }
            List<String> users = switch (audience) {
                case WORKERS -> workers(step, variables);
                case HANDLER -> List.of((String) variables.get("handler"));
                case SUPERVISORS -> notifications.membersOfGroup(Role.SUPERVISOR.groupId());
                case LEADS -> notifications.membersOfGroup(Role.LEAD.groupId());
            };
            users.forEach(user -> recipients.putIfAbsent(user, audience));
        }
        Map<String, List<String>> expected = new TreeMap<>();
        recipients.forEach((user, audience) -> expected.put(user, List.of(kind == StepNotifier.Kind.REMINDER ? "REMINDER"
                : audience == Audience.WORKERS ? "URGE" : "ESCALATION")));
        assertThat(expected).as(step + " tells somebody").isNotEmpty();
        return expected;
    }

    private List<String> workers(ProcessStep step, Map<String, Object> variables) {
        Workers workers = step.workers();
        if (workers.assigneeVariable() != null) {
            return List.of((String) variables.get(workers.assigneeVariable()));
        }
        if (workers.orgVariable() != null) {
            return notifications.membersOfGroup(OrgUnit.groupIdOf((String) variables.get(workers.orgVariable())));
        }
        List<String> users = new ArrayList<>();
        workers.roles().forEach(role -> users.addAll(notifications.membersOfGroup(role.groupId())));
        return users;
    }

    /** A registered complaint's tracking number. */
    private String complaint() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "PHONE");
        body.put("anonymous", false);
        body.put("complainantName", "期限提醒测试");
        body.put("complainantPhone", "13812345678");
        body.put("agencyCode", "SCJ");
        body.put("fieldCode", "MARKET");
        body.put("occurredOn", LocalDate.now().minusDays(3).toString());
        body.put("occurredPlace", "人民路农贸市场");
        body.put("facts", "执法人员检查摊位时未出示执法证件。");
        body.put("demands", "请求依法核查并纠正。");
        Response registered = post("clerk", "/api/complaints", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.body().get("trackingNo").asText();
    }

    /** A proposed clue's number. */
    private String clue() {
        Response proposed = post("supervisor", "/api/clues", Map.of("categoryCode", "BRIBERY", "facts", "收受财物。",
                "personsInvolved", "某人"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.body().get("clueNo").asText();
    }

    /** A served letter whose accepted reply opened a rectification: the letter's and the rectification's numbers. */
    private String[] rectification() {
        Map<String, Object> letter = Map.of("agencyCode", "HBJ", "source", "DIRECT", "title", "关于规范执法证件管理的监督建议书",
                "body", "你单位存在执法证件管理不规范的问题。", "rectificationRequired", true);
        Response created = post("supervisor", "/api/letters", letter);
        long letterId = created.body().at("/letter/id").asLong();
        String letterNo = created.body().at("/letter/letterNo").asText();
        post("supervisor", "/api/letters/" + letterId + "/draft", letter);
        post("legal", "/api/letters/" + letterId + "/legal-review", Map.of("passed", true));
        assertThat(post("lead", "/api/letters/" + letterId + "/sign", Map.of("passed", true)).status()).isEqualTo(200);
        String letterProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(letterNo)
                .singleResult().getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(letterProcess).singleResult().getId());
        taskService.complete(taskService.createTaskQuery().processInstanceId(letterProcess).singleResult().getId(),
                Map.of("replyText", "将制定整改方案。"));
        assertThat(post("supervisor", "/api/letters/" + letterId + "/reply-review", Map.of("passed", true)).status())
                .isEqualTo(200);
        String rectificationNo = get("supervisor", "/api/rectifications?letterId=" + letterId).body().get("items").get(0)
                .get("rectificationNo").asText();
        return new String[] {letterNo, rectificationNo};
    }
}
