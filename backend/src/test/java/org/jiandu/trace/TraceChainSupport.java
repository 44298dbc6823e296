package org.jiandu.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.jiandu.IntegrationTest;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole chain through the real processes, driven as people would: a complaint (with the complainant's name,
 * phone and address) whose approved proposal opens a case (investigation evidence, deliberation) that serves a
 * corrective decision on the agency and issues a letter requiring rectification (legal review entered in Tasklist);
 * the agency signs and replies, misses its plan (催办, then 督办 with a public notice and a clue proposal); the clue is reviewed, approved, transferred to the
 * commission, signed for and answered; the agency then rectifies, the supervisor verifies, the complaint is answered
 * (through the task inbox, with a remark on the task) and visited (the visit entered in Tasklist). Every text typed
 * on the way carries a marker of {@link Markers}. Built once per test run and shared by the tests that read it.
 */
abstract class TraceChainSupport extends IntegrationTest {

    /** Texts planted along the chain: none may reach Camunda's history; who may read which is the audience tests'. */
    static final class Markers {
        static final String NAME = "柏青梧";
        static final String PHONE = "13912345678";
        static final String ADDRESS = "梧桐巷十七号";
        static final String ACCEPTANCE_REASON = "受理理由标记甲";
        static final String FINDINGS = "调查结论标记乙";
        static final String REPLY = NAME + "同志：答复意见标记丙";
        static final String VISIT = "回访记录标记丁";
        static final String FILING_REASON = "立案理由标记戊";
        static final String EVIDENCE = "调查笔录标记己";
        static final String EVIDENCE_FILE = "现场检查笔录标记.pdf";
        static final String OPINION = "合议意见标记庚";
        static final String MINUTES = "集体研究纪要标记辛";
        static final String LEGAL_NOTE = "法制审核意见标记壬";
        static final String AGENCY_REPLY = "整改回复标记癸";
        static final String SUPERVISION = "督办意见标记子";
        static final String CLUE_FACTS = "线索事实标记丑";
        static final String CLUE_PERSONS = "涉事人员标记寅";
        static final String CLUE_LEGAL = "线索法审意见标记卯";
        static final String CLUE_APPROVAL = "移送审批意见标记辰";
        static final String RECEIPT = "签收说明标记巳";
        static final String OUTCOME = "处理结果标记午";
        static final String PLAN = "整改措施标记未";
        static final String COMPLETION = "完成情况标记申";
        static final String VERIFICATION = "验收意见标记酉";
        static final String REMARK = "工作备注标记戌";

        /** Personal data of the complainant and internal opinions: never in Camunda's history, for anyone. */
        static final List<String> ALL = List.of(NAME, PHONE, ADDRESS, ACCEPTANCE_REASON, FINDINGS, REPLY, VISIT,
                FILING_REASON, EVIDENCE, OPINION, MINUTES, LEGAL_NOTE, AGENCY_REPLY, SUPERVISION, CLUE_FACTS,
                CLUE_PERSONS, CLUE_LEGAL, CLUE_APPROVAL, RECEIPT, OUTCOME, PLAN, COMPLETION, VERIFICATION, REMARK);

        private Markers() {
        }
    }

    /** The record numbers of the chain. */
    record Chain(String trackingNo, String caseNo, String letterNo, String rectificationNo, String clueNo,
                 List<String> processInstanceIds) {
    }

    /** A second section chief: the clue the lead proposes at the 督办 is approved by another lead (separation of duty). */
    static final String SECOND_LEAD = "lead2";
    private static final String SECOND_LEAD_PASSWORD = "second-lead-1";

    private static final byte[] PDF = "%PDF-1.4 evidence".getBytes(StandardCharsets.US_ASCII);
    private static Chain chain;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    IdentityService identityService;
    @Autowired
    UserDirectory userDirectory;

    Chain chain() {
        return chain;
    }

    @BeforeEach
    void buildTheChainOnce() {
        if (chain == null) {
            try {
                chain = build();
            } finally {
                ClockUtil.reset();
            }
        }
    }

    private Chain build() {
        if (userDirectory.load(SECOND_LEAD).isEmpty()) {
            Response created = post("admin", "/api/admin/users", Map.of("userId", SECOND_LEAD, "displayName", "王伟（副科长）",
                    "password", SECOND_LEAD_PASSWORD, "orgCode", "SFJ-JDK", "roles", List.of("lead")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        // complaint → accepted → investigated → case proposed and approved: the case opens itself
        String trackingNo = publicComplaint();
        long complaintId = jdbc.queryForObject("SELECT id FROM complaint WHERE tracking_no = ?", Long.class, trackingNo);
        completeComplaintStep("clerk", complaintId, Map.of("acceptanceDecision", "ACCEPT",
                "reason", Markers.ACCEPTANCE_REASON));
        completeComplaintStep("lead", complaintId, Map.of("acceptanceApproved", true));
        completeComplaintStep("lead", complaintId, Map.of("supervisorId", "supervisor"));
        completeComplaintStep("supervisor", complaintId, Map.of("investigationAction", "PROPOSE",
                "proposal", "SUPERVISION_CASE", "findings", Markers.FINDINGS));
        completeComplaintStep("lead", complaintId, Map.of("proposalApproved", true));
        JsonNode followUp = get("lead", "/api/complaints/" + complaintId).body().get("followUps").get(0);
        long caseId = followUp.get("targetId").asLong();
        String caseNo = followUp.get("targetRecordNo").asText();

        // the case: filing, investigation with evidence, deliberation, decision with a letter requiring rectification
        ok(post("lead", "/api/cases/" + caseId + "/filing", Map.of("approved", true, "reason", Markers.FILING_REASON)));
        ok(evidence(caseId));
        ok(post("supervisor", "/api/cases/" + caseId + "/investigation/finish", Map.of("participants", List.of("lead"))));
        ok(post("lead", "/api/cases/" + caseId + "/deliberation/opinion", Map.of("opinion", Markers.OPINION)));
        Map<String, Object> letter = Map.of("agencyCode", "SCJ", "title", "关于规范行政检查的监督建议书",
                "body", "你单位执法人员在行政检查中未出示执法证件。", "rectificationRequired", true);
        JsonNode decided = ok(post("supervisor", "/api/cases/" + caseId + "/decision", Map.of(
                "minutes", Markers.MINUTES, "closeNoFinding", false, "letters", List.of(letter),
                "correctiveDecision", "责令你单位纠正未出示执法证件的检查行为。"))).body();
        long letterId = decided.get("letters").get(0).get("id").asLong();
        String letterNo = decided.get("letters").get(0).get("letterNo").asText();

        // the letter: draft, legal review in Tasklist, signing, receipt, reply accepted → rectification
        ok(post("supervisor", "/api/letters/" + letterId + "/draft", letter));
        submitInTasklist("legal", letterNo, "Task_LegalReview", Map.of("legalPassed", true, "reason", Markers.LEGAL_NOTE));
        ok(post("lead", "/api/letters/" + letterId + "/sign", Map.of("passed", true)));
        ok(post("agency-scj", "/api/letters/" + letterId + "/receive", null));
        ok(post("agency-scj", "/api/letters/" + letterId + "/reply", Map.of("text", Markers.AGENCY_REPLY)));
        ok(post("supervisor", "/api/letters/" + letterId + "/reply-review", Map.of("passed", true)));
        JsonNode rectification = get("supervisor", "/api/rectifications?letterId=" + letterId).body().get("items").get(0);
        long rectificationId = rectification.get("id").asLong();
        String rectificationNo = rectification.get("rectificationNo").asText();

        // no plan: the reminder notice at the deadline, the 督办 at the end of grace, with a notice and a clue
        String rectificationProcess = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(rectificationNo).singleResult().getId();
        fire(rectificationProcess, "Timer_SubmitPlanWarning");
        fire(rectificationProcess, "Timer_SubmitPlanDeadline");
        fire(rectificationProcess, "Timer_SubmitPlanGraceEnd");
        String superviseTask = taskService.createTaskQuery().processInstanceId(rectificationProcess)
                .taskDefinitionKey("Task_SubmitPlanSupervise").singleResult().getId();
        ok(post("lead", "/api/escalations/" + superviseTask + "/decision", Map.of("publicNotice", true,
                "clueProposal", true, "reason", Markers.SUPERVISION,
                "clue", Map.of("categoryCode", "DEFYING_SUPERVISION", "facts", Markers.CLUE_FACTS,
                        "personsInvolved", Markers.CLUE_PERSONS))));
        JsonNode clues = get("lead", "/api/clues/linked?sourceType=RECTIFICATION&sourceNo=" + rectificationNo).body();
        assertThat(clues).hasSize(1);
        long clueId = clues.get(0).get("id").asLong();
        String clueNo = clues.get(0).get("clueNo").asText();

        // the clue: legal review, the lead's approval (transfer letter), receipt and outcome by the commission
        ok(post("legal", "/api/clues/" + clueId + "/legal-review", Map.of("passed", true, "opinion", Markers.CLUE_LEGAL)));
        // the lead proposed it at the 督办, so another lead approves it (separation of duty)
        ok(callWithPassword(org.springframework.http.HttpMethod.POST, SECOND_LEAD, SECOND_LEAD_PASSWORD,
                "/api/clues/" + clueId + "/approval", Map.of("approved", true, "opinion", Markers.CLUE_APPROVAL)));
        ok(post("discipline", "/api/clues/" + clueId + "/receipt", Map.of("note", Markers.RECEIPT)));
        ok(post("discipline", "/api/clues/" + clueId + "/outcome", Map.of("kind", "TALK_REMINDER", "text", Markers.OUTCOME)));

        // the agency rectifies after all; the supervisor verifies
        ok(post("agency-scj", "/api/rectifications/" + rectificationId + "/plan", Map.of("planText", Markers.PLAN,
                "reportCycleDays", 15, "completionDate", LocalDate.now().plusMonths(2).toString())));
        ok(post("agency-scj", "/api/rectifications/" + rectificationId + "/completion",
                Map.of("text", Markers.COMPLETION)));
        ok(post("supervisor", "/api/rectifications/" + rectificationId + "/verification",
                Map.of("passed", true, "onsiteCheck", false, "reason", Markers.VERIFICATION)));

        // the complaint is answered (through the task inbox's door) and visited (Tasklist)
        String replyTask = get("lead", "/api/complaints/" + complaintId).body().get("currentSteps").get(0)
                .get("taskId").asText();
        ok(post("supervisor", "/api/tasks/" + replyTask + "/comments", Map.of("message", Markers.REMARK)));
        ok(post("supervisor", "/api/tasks/" + replyTask + "/complete", Map.of("values", Map.of("replyText", Markers.REPLY))));
        submitInTasklist("clerk", trackingNo, "Task_ReturnVisit", Map.of("satisfaction", "SATISFIED",
                "reason", Markers.VISIT));

        List<String> processes = jdbc.queryForList("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ IN (?, ?, ?, ?, ?)",
                String.class, trackingNo, caseNo, letterNo, rectificationNo, clueNo);
        return new Chain(trackingNo, caseNo, letterNo, rectificationNo, clueNo, processes);
    }

    /** What Tasklist does: claim the task and submit its form with ordinary (not transient) variables. */
    private void submitInTasklist(String user, String businessKey, String taskKey, Map<String, Object> fields) {
        CurrentUser account = userDirectory.load(user).orElseThrow();
        identityService.setAuthentication(user, account.engineGroups());
        try {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                    .singleResult();
            assertThat(task).as(businessKey + " " + taskKey).isNotNull();
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            formService.submitTaskForm(task.getId(), Variables.fromMap(fields));
        } finally {
            identityService.clearAuthentication();
        }
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
        Map<String, Object> body = Map.of("anonymous", false, "complainantName", Markers.NAME,
                "complainantPhone", Markers.PHONE, "complainantAddress", Markers.ADDRESS,
                "agencyCode", "SCJ", "fieldCode", "MARKET", "occurredOn", LocalDate.now().minusDays(2).toString(),
                "occurredPlace", "东街集贸市场", "facts", "执法人员检查时未出示执法证件。", "demands", "请求依法核查。");
        JsonNode created = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port).build()
                .post().uri("/api/public/complaints").header("X-Forwarded-For", "203.0.113.78")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
        return created.get("trackingNo").asText();
    }

    private Response evidence(long caseId) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("kind", "EVIDENCE");
        parts.add("content", Markers.EVIDENCE);
        parts.add("file", new ByteArrayResource(PDF) {
            @Override
            public String getFilename() {
                return Markers.EVIDENCE_FILE;
            }
        });
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build()
                .post().uri("/api/cases/" + caseId + "/records")
                .header(HttpHeaders.AUTHORIZATION, basic("supervisor", PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    JsonNode node = bytes.length > 0 ? json.readTree(bytes) : null;
                    return new Response(response.getStatusCode().value(), node, response.getHeaders(), bytes);
                });
    }

    static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }

    /** The text of a .docx as Word shows it (paragraphs and tables). */
    static String docxText(byte[] docx) {
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
            return extractor.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
