package org.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jiandu.IntegrationTest;
import org.jiandu.web.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /engine-rest} and the engine behind every door: only admins and integration accounts use the REST API,
 * admins do not see clues there either, saved queries and BPMN expressions cannot run code of the caller's
 * choosing, and a record's number starts one process only.
 */
class EngineRestDoorTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void theEngineRestApiIsForAdminsAndIntegrationAccountsOnly() {
        for (String user : List.of("clerk", "supervisor", "lead", "legal", "auditor", "discipline", "agency-scj")) {
            for (String path : List.of("/engine-rest/task", "/engine-rest/user", "/engine-rest/filter")) {
                Response refused = get(user, path);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.contentType()).isEqualTo("application/problem+json");
                assertThat(refused.code()).isEqualTo("FORBIDDEN");
            }
            assertThat(post(user, "/engine-rest/identity/verify", Map.of("username", "admin", "password", "demo")).status())
                    .as(user).isEqualTo(403);
            assertThat(post(user, "/engine-rest/signal", Map.of("name", "x")).status()).as(user).isEqualTo(403);
        }
        assertThat(get("integration", "/engine-rest/process-definition?key=supervision-letter").status()).isEqualTo(200);
        // an integration account reads; it does not work tasks or start processes
        assertThat(post("integration", "/engine-rest/process-definition/key/supervision-letter/start", Map.of()).status())
                .isEqualTo(403);
        // refused means refused: nothing written, the audit chain intact
        assertThat(get("auditor", "/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }

    @Test
    void savedQueriesHoldNoExpressionsNotEvenAnAdmins() {
        int filters = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_FILTER", Integer.class);
        Response refused = post("admin", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "x",
                "owner", "admin", "query", Map.of("assigneeExpression", "${jdbcTemplate.update(\"delete from notification\")}")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_FILTER", Integer.class)).isEqualTo(filters);
    }

    @Test
    void expressionsInProcessesSeeOnlyTheProcessBeans() {
        BpmnModelInstance probe = Bpmn.createExecutableProcess("expression-probe").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Probe").camundaExpression("${jdbcTemplate.update('delete from notification')}")
                .endEvent().done();
        String deployment = repositoryService.createDeployment().addModelInstance("expression-probe.bpmn", probe)
                .deploy().getId();
        try {
            int notifications = jdbc.queryForObject("SELECT COUNT(*) FROM notification", Integer.class);
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("expression-probe", "probe-" + System.nanoTime()))
                    .hasMessageContaining("jdbcTemplate");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification", Integer.class)).isEqualTo(notifications);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        assertThat(EngineLockdown.PROCESS_BEANS).contains("workdays", "deadlines", "letterDecisions")
                .doesNotContain("jdbcTemplate", "applicationContext");
    }

    @Test
    void aRecordsNumberStartsItsProcessOnce() {
        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", "HBJ", "source", "DIRECT",
                "title", "关于规范执法检查的监督建议书", "body", "请依法纠正。", "rectificationRequired", false));
        String letterNo = created.body().at("/letter/letterNo").asText();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision-letter", letterNo))
                .satisfies(error -> assertThat(RuleViolation.in(error).map(RuleViolation::code)).contains("BUSINESS_KEY_TAKEN"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", Integer.class, letterNo))
                .isEqualTo(1);
    }

    @Test
    void adminsDoNotSeeClues() {
        Response proposed = post("supervisor", "/api/clues", Map.of("categoryCode", "ILLEGAL_PROCEDURE",
                "facts", "执法人员在检查中未出示执法证件。", "personsInvolved", "某执法队员", "agencyCode", "SCJ"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String clueNo = proposed.body().get("clueNo").asText();
        String clueTask = jdbc.queryForObject("SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
                + " WHERE e.BUSINESS_KEY_ = ?", String.class, clueNo);

        assertThat(get("admin", "/engine-rest/task?processDefinitionKey=clue-transfer").body()).isEmpty();
        assertThat(get("admin", "/engine-rest/task/" + clueTask).status()).isIn(403, 404);
        assertThat(get("admin", "/engine-rest/process-instance?businessKey=" + clueNo).body()).isEmpty();
        assertThat(get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + clueNo).body()).isEmpty();
        JsonNode variables = get("admin", "/engine-rest/history/variable-instance?processDefinitionKey=clue-transfer").body();
        assertThat(variables).isEmpty();
        assertThat(get("admin", "/api/tasks/" + clueTask).status()).isEqualTo(404);
        // the legal reviewer, who must see it, still does
        assertThat(get("legal", "/api/tasks/" + clueTask).status()).isEqualTo(200);
    }
}
