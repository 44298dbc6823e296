package org.jiandu.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** A letter that requires rectification, through plan, progress, a failed and a passed verification, over REST. */
class RectificationApiTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void rectificationFailedRedoneAndPassedClosesTheLetter() throws Exception {
        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", "SCJ", "source", "COMPLAINT",
                "sourceRef", "TS-2026-000099", "title", "关于规范市场监管执法的监督建议书",
                "body", "你单位在行政检查中存在未出示执法证件的问题。", "rectificationRequired", true));
        long letterId = created.body().at("/letter/id").asLong();
        post("supervisor", "/api/letters/" + letterId + "/draft", Map.of("agencyCode", "SCJ",
                "title", "关于规范市场监管执法的监督建议书", "body", "你单位在行政检查中存在未出示执法证件的问题。",
                "rectificationRequired", true));
        post("legal", "/api/letters/" + letterId + "/legal-review", Map.of("passed", true));
        post("lead", "/api/letters/" + letterId + "/sign", Map.of("passed", true));
        post("agency-scj", "/api/letters/" + letterId + "/receive", null);
        post("agency-scj", "/api/letters/" + letterId + "/reply", Map.of("text", "收到，将制定整改方案。"));
        Response accepted = post("supervisor", "/api/letters/" + letterId + "/reply-review", Map.of("passed", true));
        assertThat(accepted.body().at("/letter/status").asText()).isEqualTo("RECTIFYING");

        JsonNode list = get("agency-scj", "/api/rectifications?letterId=" + letterId).body();
        assertThat(list.get("items")).hasSize(1);
        long id = list.get("items").get(0).get("id").asLong();
        assertThat(get("agency-hbj", "/api/rectifications/" + id).status()).isEqualTo(404);
        assertThat(get("agency-hbj", "/api/rectifications?letterId=" + letterId).body().get("items")).isEmpty();

        LocalDate completion = LocalDate.now().plusMonths(2);
        Response bad = post("agency-scj", "/api/rectifications/" + id + "/plan", Map.of("planText", "整改",
                "reportCycleDays", 10, "completionDate", LocalDate.now().minusDays(3).toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("COMPLETION_IN_PAST");
        Response planned = post("agency-scj", "/api/rectifications/" + id + "/plan", Map.of(
                "planText", "一、组织全员培训；二、开展执法证件专项检查。", "reportCycleDays", 10,
                "completionDate", completion.toString(), "milestones", List.of(
                        Map.of("title", "完成全员培训", "dueDate", LocalDate.now().plusMonths(1).toString()))));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(200);
        assertThat(planned.body().at("/rectification/status").asText()).isEqualTo("IMPLEMENTING");
        assertThat(planned.body().get("milestones")).hasSize(1);
        assertThat(planned.body().get("steps").findValuesAsText("taskKey"))
                .containsExactlyInAnyOrder("Task_SubmitCompletion", "Task_ReportProgress");

        assertThat(post("agency-scj", "/api/rectifications/" + id + "/progress", Map.of("text", "培训已完成一半。"))
                .status()).isEqualTo(200);
        Response completed = multipartCompletion(id, "整改已完成，附检查记录。");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.body().get("documents").findValuesAsText("docType")).contains("EVIDENCE");

        Response failed = post("supervisor", "/api/rectifications/" + id + "/verification", Map.of("passed", false,
                "onsiteCheck", true, "reason", "现场核查发现仍有执法人员未佩戴证件"));
        assertThat(failed.body().at("/rectification/status").asText()).isEqualTo("IMPLEMENTING");
        assertThat(failed.body().get("entries").findValuesAsText("kind")).contains("VERIFICATION_FAILED");
        post("agency-scj", "/api/rectifications/" + id + "/completion", Map.of("text", "已全部整改到位。"));
        Response passed = post("supervisor", "/api/rectifications/" + id + "/verification", Map.of("passed", true,
                "onsiteCheck", false, "reason", "整改到位"));
        assertThat(passed.body().at("/rectification/status").asText()).isEqualTo("CLOSED");
        assertThat(get("supervisor", "/api/letters/" + letterId).body().at("/letter/status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aMissedProgressReportIsRecordedAndFlaggedRed() {
        long letterId = acceptedLetterRequiringRectification("CGW");
        long id = get("supervisor", "/api/rectifications?letterId=" + letterId).body().get("items").get(0).get("id").asLong();
        assertThat(get("supervisor", "/api/rectifications/" + id).body().get("steps").findValuesAsText("taskKey"))
                .containsExactly("Task_SubmitPlan");
        String rectificationNo = get("supervisor", "/api/rectifications/" + id).body().at("/rectification/rectificationNo").asText();
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rectificationNo)
                .singleResult().getId();
        // the plan is submitted in Tasklist style: straight to the engine task, checked by the same listener
        String planTask = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        taskService.complete(planTask, Map.of("planText", "建立执法证件管理制度", "reportCycleDays", 5,
                "completionDate", LocalDate.now().plusMonths(3).toString()));
        JsonNode implementing = get("supervisor", "/api/rectifications/" + id).body();
        assertThat(implementing.at("/rectification/status").asText()).isEqualTo("IMPLEMENTING");
        assertThat(runtimeService.getVariable(processInstanceId, "planText")).as("texts stay out of the engine").isNull();
        // timestamps in JSON carry their offset (+08:00)
        LocalDateTime reportDue = java.time.OffsetDateTime.parse(implementing.at("/rectification/nextReportDue").asText())
                .toLocalDateTime();
        ClockUtil.setCurrentTime(Date.from(reportDue.plusMinutes(5).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        Job overdue = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("Timer_ProgressReportOverdue").singleResult();
        managementService.executeJob(overdue.getId());
        JsonNode late = get("supervisor", "/api/rectifications/" + id).body();
        assertThat(late.get("entries").findValuesAsText("kind")).contains("PROGRESS_OVERDUE");
        assertThat(late.get("flag").asText()).isEqualTo("RED");
        assertThat(get("supervisor", "/api/rectifications?flag=RED&size=100").body().get("items")
                .findValuesAsText("rectificationNo")).contains(rectificationNo);
        assertThat(get("lead", "/api/notifications").status()).isEqualTo(200);
        // the late report is still accepted, marked late, and the next cycle starts
        assertThat(post("supervisor", "/api/rectifications/" + id + "/progress", Map.of("text", "x")).status()).isEqualTo(403);
        taskService.complete(taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("Task_ReportProgress").singleResult().getId(), Map.of("progressText", "制度已起草。"));
        JsonNode reported = get("supervisor", "/api/rectifications/" + id).body();
        assertThat(reported.get("entries").findValues("late").stream().filter(JsonNode::asBoolean).count()).isEqualTo(2);
        // the next report falls due a cycle later: no longer overdue (yellow or none, depending on the weekday)
        assertThat(reported.get("flag").asText()).isNotEqualTo("RED");
    }

    private long acceptedLetterRequiringRectification(String agency) {
        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", agency, "source", "DIRECT",
                "title", "关于规范执法证件管理的监督建议书", "body", "你单位存在执法证件管理不规范的问题。",
                "rectificationRequired", true));
        long letterId = created.body().at("/letter/id").asLong();
        post("supervisor", "/api/letters/" + letterId + "/draft", Map.of("agencyCode", agency,
                "title", "关于规范执法证件管理的监督建议书", "body", "你单位存在执法证件管理不规范的问题。",
                "rectificationRequired", true));
        post("legal", "/api/letters/" + letterId + "/legal-review", Map.of("passed", true));
        post("lead", "/api/letters/" + letterId + "/sign", Map.of("passed", true));
        String letterNo = get("supervisor", "/api/letters/" + letterId).body().at("/letter/letterNo").asText();
        String letterProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(letterNo)
                .singleResult().getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(letterProcess).singleResult().getId());
        taskService.complete(taskService.createTaskQuery().processInstanceId(letterProcess).singleResult().getId(),
                Map.of("replyText", "将制定整改方案。"));
        assertThat(post("supervisor", "/api/letters/" + letterId + "/reply-review", Map.of("passed", true)).status())
                .isEqualTo(200);
        return letterId;
    }

    private Response multipartCompletion(long id, String text) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("text", text);
        parts.add("files", new ByteArrayResource("%PDF-1.4\n% evidence\n".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return "检查记录.pdf";
            }
        });
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port).build()
                .post().uri("/api/rectifications/" + id + "/completion")
                .header(HttpHeaders.AUTHORIZATION, basic("agency-scj", PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    return new Response(response.getStatusCode().value(), json.readTree(bytes), response.getHeaders(), bytes);
                });
    }
}
