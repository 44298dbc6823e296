package org.jiandu.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole chain through the real processes, over the REST API: a complaint whose approved proposal opens a case,
 * the case's decision a letter requiring rectification, the agency misses its plan (催办, then 督办), and the lead's
 * 督办 proposes a clue transfer. The complaint's trace holds every step of every process in time order with the
 * people who took them; the agency's view of its case holds nothing of the clue.
 */
class EndToEndTraceTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aComplaintsTraceFollowsItThroughCaseLetterRectificationEscalationAndClue() {
        // complaint → accepted → investigated → case proposed and approved: the case opens itself
        String trackingNo = publicComplaint();
        long complaintId = jdbc.queryForObject("SELECT id FROM complaint WHERE tracking_no = ?", Long.class, trackingNo);
        completeComplaintStep("clerk", complaintId, Map.of("acceptanceDecision", "ACCEPT"));
        completeComplaintStep("lead", complaintId, Map.of("acceptanceApproved", true));
        completeComplaintStep("lead", complaintId, Map.of("supervisorId", "supervisor"));
        completeComplaintStep("supervisor", complaintId, Map.of("investigationAction", "PROPOSE",
                "proposal", "SUPERVISION_CASE", "findings", "执法人员检查时未出示执法证件属实。"));
        completeComplaintStep("lead", complaintId, Map.of("proposalApproved", true));
        JsonNode followUp = get("lead", "/api/complaints/" + complaintId).body().get("followUps").get(0);
        long caseId = followUp.get("targetId").asLong();
        String caseNo = followUp.get("targetRecordNo").asText();

        // the case: filing, investigation, deliberation, decision with a letter that requires rectification
        ok(post("lead", "/api/cases/" + caseId + "/filing", Map.of("approved", true, "reason", "符合立案条件")));
        ok(post("supervisor", "/api/cases/" + caseId + "/investigation/finish", Map.of("participants", List.of("lead"))));
        ok(post("lead", "/api/cases/" + caseId + "/deliberation/opinion", Map.of("opinion", "建议制发监督建议书。")));
        Map<String, Object> letter = Map.of("agencyCode", "SCJ", "title", "关于规范行政检查的监督建议书",
                "body", "你单位执法人员在行政检查中未出示执法证件。", "rectificationRequired", true);
        JsonNode decided = ok(post("supervisor", "/api/cases/" + caseId + "/decision", Map.of(
                "minutes", "经集体研究，制发监督建议书。", "closeNoFinding", false, "letters", List.of(letter)))).body();
        long letterId = decided.get("letters").get(0).get("id").asLong();
        String letterNo = decided.get("letters").get(0).get("letterNo").asText();

        // the letter: draft, legal review, signing, receipt, reply accepted → rectification
        ok(post("supervisor", "/api/letters/" + letterId + "/draft", letter));
        ok(post("legal", "/api/letters/" + letterId + "/legal-review", Map.of("passed", true)));
        ok(post("lead", "/api/letters/" + letterId + "/sign", Map.of("passed", true)));
        ok(post("agency-scj", "/api/letters/" + letterId + "/receive", null));
        ok(post("agency-scj", "/api/letters/" + letterId + "/reply", Map.of("text", "收到，将制定整改方案。")));
        ok(post("supervisor", "/api/letters/" + letterId + "/reply-review", Map.of("passed", true)));
        JsonNode rectification = get("supervisor", "/api/rectifications?letterId=" + letterId).body().get("items").get(0);
        String rectificationNo = rectification.get("rectificationNo").asText();

        // no plan: the reminder notice at the deadline, the 督办 at the end of grace
        String rectificationProcess = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(rectificationNo).singleResult().getId();
        fire(rectificationProcess, "Timer_SubmitPlanWarning");
        fire(rectificationProcess, "Timer_SubmitPlanDeadline");
        fire(rectificationProcess, "Timer_SubmitPlanGraceEnd");
        String superviseTask = taskService.createTaskQuery().processInstanceId(rectificationProcess)
                .taskDefinitionKey("Task_SubmitPlanSupervise").singleResult().getId();
        ok(post("lead", "/api/escalations/" + superviseTask + "/decision", Map.of("publicNotice", true,
                "clueProposal", true, "reason", "宽限期满仍未报送整改方案，予以通报并移送线索。",
                "clue", Map.of("categoryCode", "DEFYING_SUPERVISION", "facts", "逾期拒不报送整改方案。",
                        "personsInvolved", "李某（法制科科长）"))));
        JsonNode clues = get("lead", "/api/clues/linked?sourceType=RECTIFICATION&sourceNo=" + rectificationNo).body();
        assertThat(clues).hasSize(1);
        String clueNo = clues.get(0).get("clueNo").asText();

        // the auditor's trace of the complaint: every process of the chain, in time order, with who did what
        JsonNode trace = get("auditor", "/api/trace/" + trackingNo).body();
        assertThat(trace.get("processes").findValuesAsText("processKey")).contains("complaint-handling",
                "supervision-case", "supervision-letter", "rectification-tracking", "clue-transfer");
        List<JsonNode> entries = new ArrayList<>();
        trace.get("entries").forEach(entries::add);
        List<OffsetDateTime> times = entries.stream().map(e -> OffsetDateTime.parse(e.get("at").asText())).toList();
        assertThat(times).isSorted();
        List<String> completed = entries.stream()
                .filter(e -> "TASK".equals(e.get("source").asText()) && "COMPLETED".equals(e.get("event").asText()))
                .map(e -> e.get("activityId").asText() + ":" + e.get("userId").asText()).toList();
        assertThat(completed).containsSubsequence(
                "Task_ReviewAcceptance:clerk", "Task_ApproveAcceptance:lead", "Task_AssignSupervisor:lead",
                "Task_Investigate:supervisor", "Task_ApproveProposal:lead",
                "Task_ApproveFiling:lead", "Task_Investigate:supervisor", "Task_Deliberate:lead",
                "Task_RecordDecision:supervisor",
                "Task_DraftLetter:supervisor", "Task_LegalReview:legal", "Task_SignLetter:lead",
                "Task_ReceiveLetter:agency-scj", "Task_ReplyLetter:agency-scj", "Task_ReviewReply:supervisor",
                "Task_SubmitPlanSupervise:lead");
        assertThat(entries).anyMatch(e -> "AUDIT".equals(e.get("source").asText())
                && "REMINDER_NOTICE_ISSUED".equals(e.get("event").asText()) && rectificationNo.equals(e.get("recordNo").asText()));
        assertThat(entries).anyMatch(e -> "AUDIT".equals(e.get("source").asText())
                && "CLUE_PROPOSED".equals(e.get("event").asText()) && clueNo.equals(e.get("recordNo").asText())
                && "lead".equals(e.get("userId").asText()));
        assertThat(entries.stream().map(e -> e.get("recordNo").asText()).distinct().toList())
                .contains(trackingNo, caseNo, letterNo, rectificationNo, clueNo);

        // the agency concerned: its case's trace holds the letter and rectification, nothing of the clue
        Response agencyTrace = get("agency-scj", "/api/trace/" + caseNo);
        assertThat(agencyTrace.status()).isEqualTo(200);
        assertThat(agencyTrace.body().get("processes").findValuesAsText("processKey"))
                .contains("supervision-letter", "rectification-tracking").doesNotContain("clue-transfer");
        assertThat(agencyTrace.toString()).doesNotContain(clueNo).doesNotContain("CLUE_PROPOSED")
                .doesNotContain("逾期拒不报送整改方案");
        assertThat(get("agency-scj", "/api/trace/" + clueNo).status()).isEqualTo(404);
        // the trace of the complaint about it shows the agency what followed, nothing of the complaint's handling
        Response agencyComplaintTrace = get("agency-scj", "/api/trace/" + trackingNo);
        assertThat(agencyComplaintTrace.status()).isEqualTo(200);
        assertThat(agencyComplaintTrace.body().get("processes").findValuesAsText("processKey"))
                .contains("supervision-case", "supervision-letter").doesNotContain("complaint-handling", "clue-transfer");
        assertThat(agencyComplaintTrace.toString()).doesNotContain(clueNo).doesNotContain("赵六")
                .doesNotContain("未出示执法证件属实").doesNotContain("13900001111");
        assertThat(get("agency-hbj", "/api/trace/" + trackingNo).status()).isEqualTo(404);
    }

    /** Moves the engine clock just past the timer and fires it, as the job executor would. */
    private void fire(String processInstanceId, String timerId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerId)
                .singleResult();
        assertThat(job).as(timerId).isNotNull();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        managementService.executeJob(job.getId());
    }

    private void completeComplaintStep(String user, long complaintId, Map<String, Object> fields) {
        JsonNode steps = get("lead", "/api/complaints/" + complaintId).body().get("currentSteps");
        String taskId = steps.get(0).get("taskId").asText();
        ok(post(user, "/api/complaints/" + complaintId + "/tasks/" + taskId + "/complete", fields));
    }

    private String publicComplaint() {
        Map<String, Object> body = Map.of("anonymous", false, "complainantName", "赵六", "complainantPhone", "13900001111",
                "agencyCode", "SCJ", "fieldCode", "MARKET", "occurredOn", java.time.LocalDate.now().minusDays(2).toString(),
                "occurredPlace", "东街集贸市场",
                "facts", "执法人员检查时未出示执法证件。", "demands", "请求依法核查。");
        JsonNode created = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port).build()
                .post().uri("/api/public/complaints").header("X-Forwarded-For", "203.0.113.77")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
        return created.get("trackingNo").asText();
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }
}
