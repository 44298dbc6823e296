package org.jiandu.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A failing job goes through the engine's retry cycle (3 attempts, 5 minutes apart) to an incident; every admin is
 * told once; admins list it (with the record, the step and the message, no stack trace) and retry it, after which
 * the job runs and the process goes on. The test process (src/test/resources/incident-test) has a key of its own,
 * which admins are allowed to operate here as they are the real open processes.
 */
class IncidentApiTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AuthorizationService authorizationService;

    @BeforeEach
    void deploy() {
        repositoryService.createDeployment().name("incident-test").enableDuplicateFiltering(false)
                .addClasspathResource("incident-test/incident-test.bpmn").deploy();
        if (authorizationService.createAuthorizationQuery().groupIdIn("admin").resourceType(Resources.PROCESS_DEFINITION)
                .resourceId("incident-test").count() == 0) {
            Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId("admin");
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId("incident-test");
            grant.addPermission(Permissions.ALL);
            authorizationService.saveAuthorization(grant);
        }
        FlakyStep.FAILING.set(true);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        FlakyStep.FAILING.set(true);
    }

    @Test
    void aFailingJobIsRetriedThenBecomesAnIncidentThatAdminsAreToldOfSeeAndRetry() {
        String recordNo = "INC-" + Long.toString(System.nanoTime(), 36);
        String instanceId = runtimeService.startProcessInstanceByKey("incident-test", recordNo).getId();
        Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
        assertThat(job.getRetries()).as("the engine's retry cycle R3/PT5M").isEqualTo(3);

        Date failedAt = ClockUtil.getCurrentTime();
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("flaky step");
        Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(Duration.between(failedAt.toInstant(), retried.getDuedate().toInstant()))
                .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        assertThat(incidentOf(instanceId)).isNull();

        for (int attempt = 2; attempt <= 3; attempt++) {
            ClockUtil.setCurrentTime(new Date(retried.getDuedate().getTime() + 1000));
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("flaky step");
            retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
        }
        Incident incident = incidentOf(instanceId);
        assertThat(incident).isNotNull();

        List<String> admins = jdbc.queryForList(
                "SELECT m.USER_ID_ FROM ACT_ID_MEMBERSHIP m JOIN app_user u ON u.user_id = m.USER_ID_ "
                        + "WHERE m.GROUP_ID_ = 'admin' AND u.enabled = TRUE", String.class);
        assertThat(admins).contains("admin");
        List<String> told = jdbc.queryForList("SELECT recipient FROM notification WHERE record_type = 'INCIDENT' "
                + "AND record_no = ? AND kind = 'INCIDENT'", String.class, incident.getId());
        assertThat(told).as("each admin once").containsExactlyInAnyOrderElementsOf(admins);
        assertThat(jdbc.queryForObject("SELECT body FROM notification WHERE record_no = ? AND recipient = 'admin'",
                String.class, incident.getId())).contains(recordNo, "对接外部系统");

        JsonNode listed = find(get("admin", "/api/admin/incidents?size=100").body(), incident.getId());
        assertThat(listed).as("listed").isNotNull();
        assertThat(listed.get("processKey").asText()).isEqualTo("incident-test");
        assertThat(listed.get("businessKey").asText()).isEqualTo(recordNo);
        assertThat(listed.get("activityId").asText()).isEqualTo("Task_Flaky");
        assertThat(listed.get("activityName").asText()).isEqualTo("对接外部系统");
        assertThat(listed.get("message").asText()).contains("flaky step").doesNotContain("\tat ", "Exception:");
        assertThat(listed.get("jobId").asText()).isEqualTo(job.getId());

        FlakyStep.FAILING.set(false);
        Response retry = post("admin", "/api/admin/incidents/" + incident.getId() + "/retry", Map.of("retries", 1));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(incidentOf(instanceId)).as("resolved by the retry").isNull();
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE record_type = 'INCIDENT' AND record_no = ? "
                + "AND action = 'INCIDENT_RETRIED'", Long.class, incident.getId())).isEqualTo(1);
        // the job executor takes the job now that it has attempts again (switched off in tests: run it here)
        managementService.executeJob(job.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
                .as("the process went on to its end").isZero();
        assertThat(find(get("admin", "/api/admin/incidents?size=100").body(), incident.getId())).isNull();
    }

    @Test
    void onlyAdminsAndOnlyExistingIncidentsWithProblemAnswers() {
        assertThat(get("lead", "/api/admin/incidents").status()).isEqualTo(403);
        assertThat(get(null, "/api/admin/incidents").status()).isEqualTo(401);
        Response badPage = get("admin", "/api/admin/incidents?size=1000");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.contentType()).isEqualTo("application/problem+json");
        Response missing = post("admin", "/api/admin/incidents/no-such-incident/retry", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("INCIDENT_NOT_FOUND");
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        Response tooMany = post("admin", "/api/admin/incidents/no-such-incident/retry", Map.of("retries", 99));
        assertThat(tooMany.status()).isEqualTo(400);
    }

    private Incident incidentOf(String instanceId) {
        return runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult();
    }

    private static JsonNode find(JsonNode page, String incidentId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asText().equals(incidentId)) {
                return item;
            }
        }
        return null;
    }
}
