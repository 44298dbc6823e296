package org.jiandu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.IntegrationTest;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;
import org.jiandu.notification.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every step of every process tells exactly the right people exactly once that it is there: each declared step is
 * started on its own (its process instance begun right before the task), and the notices it caused are counted per
 * person. A step the catalogue marks as wording its own notice gets none from the generic notifier (its process sends
 * it: tested on the real path for a clue and a letter).
 */
class StepNoticesTest extends IntegrationTest {

    @Autowired
    StepCatalogue catalogue;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    Notifications notifications;

    @Test
    void everyStepTellsItsWorkersOnceWhenItIsCreated() {
        assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(29);
        Map<String, Object> variables = new HashMap<>();
        Date inAWeek = Date.from(Instant.now().plus(7, ChronoUnit.DAYS));
        variables.put("agencyCode", "HBJ");
        variables.put("targetOrgCode", "JW");
        variables.put("handler", "supervisor2");
        variables.put("supervisorId", "supervisor");
        variables.put("participant", "supervisor2");
        variables.put("investigationDue", inAWeek);
        variables.put("planDue", inAWeek);
        variables.put("replyDue", inAWeek);
        variables.put("completionDue", inAWeek);
        variables.put("reportCycleDays", 5);
        for (ProcessStep step : catalogue.all()) {
            String businessKey = "NT-" + System.nanoTime();
            // the task alone: no start listener, no listener of the diagram (they need a record), the built-in ones run
            runtimeService.createProcessInstanceByKey(step.processKey()).businessKey(businessKey).setVariables(variables)
                    .startBeforeActivity(step.taskKey()).execute(true, false);
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo(step.taskKey());
            Map<String, Integer> told = toldAbout(task.getId());
            if (step.notices().ownWording()) {
                assertThat(told).as(step + ": its process words the notice, the generic one stays silent").isEmpty();
            } else {
                Map<String, Integer> once = new TreeMap<>();
                expectedWorkers(step, variables).forEach(user -> once.put(user, 1));
                assertThat(once).as(step + " has workers").isNotEmpty();
                assertThat(told).as(step + ": each worker told once, nobody else").isEqualTo(once);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE record_no = ?", Integer.class,
                    businessKey)).as(step + ": no other notice").isZero();
            runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "test");
        }
    }

    @Test
    void aClueTellsItsLegalReviewersOnceAndAReturnedProposalItsHandlerOnce() {
        Response proposed = post("supervisor", "/api/clues", Map.of("categoryCode", "BRIBERY", "facts", "收受财物。",
                "personsInvolved", "某人"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String clueNo = proposed.body().get("clueNo").asText();
        long id = proposed.body().get("id").asLong();
        Map<String, Integer> legal = new TreeMap<>();
        notifications.membersOfGroup(Role.LEGAL_REVIEWER.groupId()).forEach(user -> legal.put(user, 1));
        assertThat(toldAboutRecord(clueNo)).isEqualTo(legal);
        jdbc.update("DELETE FROM notification WHERE record_no = ?", clueNo);
        post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", false, "opinion", "事实不清。"));
        assertThat(toldAboutRecord(clueNo)).isEqualTo(Map.of("supervisor", 1));
    }

    @Test
    void aServedLetterTellsItsAgencyOnce() {
        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", "HBJ", "source", "DIRECT",
                "title", "关于规范执法的监督建议书", "body", "请依法纠正。", "rectificationRequired", false));
        long id = created.body().at("/letter/id").asLong();
        String letterNo = created.body().at("/letter/letterNo").asText();
        post("supervisor", "/api/letters/" + id + "/draft", Map.of("agencyCode", "HBJ", "title", "关于规范执法的监督建议书",
                "body", "请依法纠正。", "rectificationRequired", false));
        post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", true));
        assertThat(post("lead", "/api/letters/" + id + "/sign", Map.of("passed", true)).status()).isEqualTo(200);
        Task receive = taskService.createTaskQuery().processInstanceBusinessKey(letterNo).singleResult();
        assertThat(receive.getTaskDefinitionKey()).isEqualTo("Task_ReceiveLetter");
        Map<String, Integer> agency = new TreeMap<>();
        notifications.membersOfGroup(OrgUnit.groupIdOf("HBJ")).forEach(user -> agency.put(user, 1));
        Map<String, Integer> told = new TreeMap<>(toldAbout(receive.getId()));
        toldAboutRecord(letterNo).forEach((user, count) -> told.merge(user, count, Integer::sum));
        assertThat(told).isEqualTo(agency);
    }

    @Test
    void anOpenedCaseTellsItsLeadsOnce() {
        Response opened = post("supervisor", "/api/cases", Map.of("sourceType", "ROUTINE_INSPECTION",
                "agencyCode", "CGW", "title", "日常检查发现的问题", "summary", "检查发现执法记录不全。"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseNo = opened.body().at("/supervisionCase/caseNo").asText();
        Task filing = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(filing.getTaskDefinitionKey()).isEqualTo("Task_ApproveFiling");
        Map<String, Integer> leads = new TreeMap<>();
        notifications.membersOfGroup(Role.LEAD.groupId()).forEach(user -> leads.put(user, 1));
        Map<String, Integer> told = new TreeMap<>(toldAbout(filing.getId()));
        toldAboutRecord(caseNo).forEach((user, count) -> told.merge(user, count, Integer::sum));
        assertThat(told).isEqualTo(leads);
    }

    private Map<String, Integer> toldAbout(String taskId) {
        return count("SELECT recipient FROM notification WHERE record_type = 'TASK' AND record_no = ?", taskId);
    }

    private Map<String, Integer> toldAboutRecord(String recordNo) {
        return count("SELECT recipient FROM notification WHERE record_no = ? AND kind IN ('NEW_TASK', 'RETURNED')",
                recordNo);
    }

    private Map<String, Integer> count(String sql, String key) {
        Map<String, Integer> told = new TreeMap<>();
        jdbc.queryForList(sql, String.class, key).forEach(user -> told.merge(user, 1, Integer::sum));
        return told;
    }

    private TreeSet<String> expectedWorkers(ProcessStep step, Map<String, Object> variables) {
        Workers workers = step.workers();
        TreeSet<String> users = new TreeSet<>();
        if (workers.assigneeVariable() != null) {
            users.add((String) variables.get(workers.assigneeVariable()));
        } else if (workers.orgVariable() != null) {
            users.addAll(notifications.membersOfGroup(OrgUnit.groupIdOf((String) variables.get(workers.orgVariable()))));
        } else {
            workers.roles().forEach(role -> users.addAll(notifications.membersOfGroup(role.groupId())));
        }
        return users;
    }
}
