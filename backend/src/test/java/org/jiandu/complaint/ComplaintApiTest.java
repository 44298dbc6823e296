package org.jiandu.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.IntegrationTest;
import org.jiandu.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The complaint API as complainants and staff use it: public intake and tracking, registration of a
 * 12345 hand-over, the whole handling through our API with the reply document, the rules of the forms
 * on every path (including {@code /engine-rest}), deadlines escalating, and 举报人保护.
 */
class ComplaintApiTest extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @Autowired
    private TaskService taskService;

    @Autowired
    private ManagementService managementService;


    /** Each test comes from its own client address (through the trusted local proxy), so rate limits do not interfere. */
    private String address;
    private RestClient client;

    @BeforeEach
    void newClient() {
        int n = ADDRESSES.getAndIncrement();
        address = "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
        client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port).defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void citizenComplainsWithEvidenceAndFollowsItWithoutSeeingAnythingInternal() {
        Response created = submit(complaint(), List.of(file("scene.png", PNG), file("receipt.pdf", PDF)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String trackingNo = created.body().get("trackingNo").asText();
        String queryCode = created.body().get("queryCode").asText();
        assertThat(trackingNo).matches("TS-" + LocalDate.now().getYear() + "-\\d{6}");
        assertThat(queryCode).matches("[A-Z2-9]{8}");

        Response tracked = publicGet("/api/public/complaints/" + trackingNo + "?queryCode=" + queryCode);
        assertThat(tracked.status()).as(tracked.toString()).isEqualTo(200);
        assertThat(tracked.body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(tracked.body().get("registeredAt").isNull()).isFalse();
        assertThat(tracked.body().get("reply").isNull()).isTrue();
        assertThat(fieldNames(tracked.body())).containsExactlyInAnyOrder("trackingNo", "status", "statusLabel",
                "statusNote", "registeredAt", "acceptedAt", "closedAt", "reply");
        assertThat(tracked.toString()).doesNotContain("张三丰", "13812345678", "supervisor", "facts");

        long id = idOf(trackingNo);
        Response detail = get("clerk", "/api/complaints/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().get("evidence")).hasSize(2);
        assertThat(detail.body().get("source").asText()).isEqualTo("WEB");
        assertThat(detail.body().get("currentSteps").get(0).get("taskKey").asText()).isEqualTo("Task_ReviewAcceptance");
        assertThat(detail.body().get("currentSteps").get(0).get("candidateGroups").toString()).contains("clerk");

        Task review = taskService.createTaskQuery().processInstanceBusinessKey(trackingNo).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewAcceptance");
        assertThat(taskService.getVariables(review.getId()).keySet())
                .containsExactlyInAnyOrder("complaintId", "agencyCode", "agencyName", "anonymous", "reopenCount", "extended");
        // the agency complained about shows in the inbox and filters it
        JsonNode inbox = get("clerk", "/api/tasks?view=CLAIMABLE&agency=SCJ&businessKey=" + trackingNo).body();
        assertThat(inbox.findValuesAsText("agencyName")).containsExactly("市市场监督管理局");
    }

    @Test
    void eachRequiredFieldMissingIsRefusedAndNothingIsStored() {
        long before = count();
        for (String field : List.of("fieldCode", "occurredOn", "occurredPlace", "facts", "demands")) {
            Map<String, Object> body = complaint();
            body.remove(field);
            Response refused = publicPost("/api/public/complaints", body);
            assertThat(refused.status()).as(field + ": " + refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().get("fields").has(field)).as(refused.toString()).isTrue();
        }
        Map<String, String> crossField = Map.of("complainantName", "COMPLAINANT_NAME_REQUIRED",
                "complainantPhone", "COMPLAINANT_PHONE_REQUIRED");
        crossField.forEach((field, code) -> {
            Map<String, Object> body = complaint();
            body.remove(field);
            Response refused = publicPost("/api/public/complaints", body);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(code);
        });
        Map<String, Object> noAgency = complaint();
        noAgency.remove("agencyCode");
        assertThat(publicPost("/api/public/complaints", noAgency).code()).isEqualTo("AGENCY_REQUIRED");
        assertThat(count()).isEqualTo(before);

        // an anonymous complaint needs no name or phone
        Map<String, Object> anonymous = complaint();
        anonymous.remove("complainantName");
        anonymous.remove("complainantPhone");
        anonymous.put("anonymous", true);
        anonymous.put("agencyCode", null);
        anonymous.put("agencyText", "不清楚是哪个部门，穿制服的执法人员");
        Response accepted = publicPost("/api/public/complaints", anonymous);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void oversizedWrongTypeAndTooManyFilesAreRefused() {
        long before = count();
        byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        Response tooLarge = submit(complaint(), List.of(file("big.pdf", big)));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("FILE_TOO_LARGE");

        Response exe = submit(complaint(), List.of(file("tool.exe", "MZ\u0090\u0000".getBytes())));
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        Response disguised = submit(complaint(), List.of(file("photo.pdf", "<html>not a pdf</html>".getBytes())));
        assertThat(disguised.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");

        List<ByteArrayResource> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(file("p" + i + ".png", PNG));
        }
        Response tooMany = submit(complaint(), six);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.code()).isEqualTo("TOO_MANY_FILES");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void wrongQueryCodeAndUnknownTrackingNumberAnswerTheSame404() {
        Response created = publicPost("/api/public/complaints", complaint());
        String trackingNo = created.body().get("trackingNo").asText();
        String queryCode = created.body().get("queryCode").asText();
        String wrongCode = queryCode.charAt(0) == 'A' ? "B" + queryCode.substring(1) : "A" + queryCode.substring(1);

        Response wrong = publicGet("/api/public/complaints/" + trackingNo + "?queryCode=" + wrongCode);
        Response unknown = publicGet("/api/public/complaints/TS-1999-999999?queryCode=" + queryCode);
        Response none = publicGet("/api/public/complaints/" + trackingNo);
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(wrong.body().get("detail")).isEqualTo(unknown.body().get("detail"));
        assertThat(wrong.code()).isEqualTo(unknown.code()).isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(publicGet("/api/public/complaints/" + trackingNo + "?queryCode=" + queryCode.toLowerCase()).status())
                .isEqualTo(200);
    }

    @Test
    void sameHotlineWorkOrderGivesTheExistingComplaint() {
        String orderNo = "12345-" + System.nanoTime();
        Map<String, Object> body = complaint();
        body.put("source", "HOTLINE_12345");
        body.put("hotlineOrderNo", orderNo);
        Response first = post("clerk", "/api/complaints", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.body().get("duplicate").asBoolean()).isFalse();

        Response second = post("clerk", "/api/complaints", body);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("duplicate").asBoolean()).isTrue();
        assertThat(second.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(second.body().get("trackingNo").asText()).isEqualTo(first.body().get("trackingNo").asText());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE hotline_order_no = ?", Long.class, orderNo))
                .isEqualTo(1);

        body.remove("hotlineOrderNo");
        assertThat(post("clerk", "/api/complaints", body).code()).isEqualTo("HOTLINE_ORDER_REQUIRED");
        assertThat(post("agency-scj", "/api/complaints", body).status()).isEqualTo(403);
    }

    @Test
    void intakeIsRateLimitedPerClientAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(publicPost("/api/public/complaints", Map.of()).status()).isEqualTo(400);
        }
        Response limited = publicPost("/api/public/complaints", complaint());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("TOO_MANY_REQUESTS");

        address = address + "0";
        assertThat(publicPost("/api/public/complaints", complaint()).status()).isEqualTo(201);
    }

    @Test
    void agencyNeverSeesTheComplainantAndOtherStaffSeeItMasked() {
        Response created = publicPost("/api/public/complaints", complaint());
        String trackingNo = created.body().get("trackingNo").asText();
        long id = idOf(trackingNo);

        Response agency = get("agency-scj", "/api/complaints/" + id);
        assertThat(agency.status()).isEqualTo(404);
        assertThat(agency.toString()).doesNotContain("张三丰", "13812345678");
        assertThat(get("agency-scj", "/api/complaints").status()).isEqualTo(403);
        // the engine's REST API is not a door for agencies at all
        assertThat(get("agency-scj", "/engine-rest/task?processInstanceBusinessKey=" + trackingNo).status()).isEqualTo(403);

        Response auditor = get("auditor", "/api/complaints/" + id);
        assertThat(auditor.status()).isEqualTo(200);
        JsonNode masked = auditor.body().get("complainant");
        assertThat(masked.get("name").asText()).isEqualTo("张**");
        assertThat(masked.get("phone").asText()).isEqualTo("138****5678");
        assertThat(masked.get("masked").asBoolean()).isTrue();
        assertThat(auditor.toString()).doesNotContain("张三丰", "13812345678", "幸福路8号");
        Response auditorList = get("auditor", "/api/complaints?q=" + trackingNo);
        assertThat(auditorList.body().get("items").get(0).get("complainant").get("name").asText()).isEqualTo("张**");

        Response clerk = get("clerk", "/api/complaints/" + id);
        assertThat(clerk.body().get("complainant").get("name").asText()).isEqualTo("张三丰");
        assertThat(clerk.body().get("complainant").get("phone").asText()).isEqualTo("13812345678");
    }

    @Test
    void aStepOfAnotherComplaintIsNotFoundUnderThisOneAndStaysOpen() {
        long mine = idOf(publicPost("/api/public/complaints", complaint()).body().get("trackingNo").asText());
        long other = idOf(publicPost("/api/public/complaints", complaint()).body().get("trackingNo").asText());
        String othersTask = currentTask(other, "clerk");

        Response crossed = post("clerk", "/api/complaints/" + mine + "/tasks/" + othersTask + "/complete",
                Map.of("acceptanceDecision", "ACCEPT"));
        assertThat(crossed.status()).as(crossed.toString()).isEqualTo(404);
        assertThat(crossed.code()).isEqualTo("TASK_NOT_FOUND");
        Task untouched = taskService.createTaskQuery().taskId(othersTask).singleResult();
        assertThat(untouched).isNotNull();
        assertThat(untouched.getAssignee()).isNull();
        assertThat(currentTask(mine, "clerk")).isNotEqualTo(othersTask);
        assertThat(post("clerk", "/api/complaints/" + mine + "/tasks/no-such-task/complete",
                Map.of("acceptanceDecision", "ACCEPT")).code()).isEqualTo("TASK_NOT_FOUND");
    }

    @Test
    void staffHandleTheComplaintThroughTheApiUntilTheReplyAndClose() {
        Response created = publicPost("/api/public/complaints", complaint());
        String trackingNo = created.body().get("trackingNo").asText();
        String queryCode = created.body().get("queryCode").asText();
        long id = idOf(trackingNo);

        // the form's rules hold on our API ...
        Response noReason = completeCurrent("clerk", id, Map.of("acceptanceDecision", "REJECT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("FIELD_REQUIRED");
        // ... and on /engine-rest (an admin's door since the lock-down), whose completion Tasklist's is
        String reviewTask = currentTask(id, "clerk");
        Response engine = post("admin", "/engine-rest/task/" + reviewTask + "/complete",
                Map.of("variables", Map.of("acceptanceDecision", Map.of("value", "MAYBE"))));
        assertThat(engine.status()).as(engine.toString()).isEqualTo(400);
        assertThat(engine.toString()).contains("MAYBE");
        Response form = post("admin", "/engine-rest/task/" + reviewTask + "/submit-form",
                Map.of("variables", Map.of("acceptanceDecision", Map.of("value", "REJECT"))));
        assertThat(form.status()).as(form.toString()).isEqualTo(400);
        // the form itself requires 理由 when it is shown (not 受理), so its check refuses first
        assertThat(form.body().get("code").asText()).isEqualTo("FORM_INVALID");
        assertThat(form.body().get("message").asText()).contains("理由").doesNotContain("ENGINE-");
        assertThat(taskService.createTaskQuery().taskId(reviewTask).count()).isEqualTo(1);
        Response notLeads = completeCurrent("lead", id, Map.of("acceptanceDecision", "ACCEPT"));
        assertThat(notLeads.status()).isEqualTo(403);
        assertThat(notLeads.code()).isEqualTo("NOT_YOUR_TASK");

        assertThat(completeCurrent("clerk", id, Map.of("acceptanceDecision", "ACCEPT")).status()).isEqualTo(200);
        assertThat(completeCurrent("lead", id, Map.of("acceptanceApproved", true)).status()).isEqualTo(200);
        assertThat(completeCurrent("lead", id, Map.of("supervisorId", "clerk")).code()).isEqualTo("NOT_A_SUPERVISOR");
        assertThat(completeCurrent("lead", id, Map.of("supervisorId", "supervisor")).status()).isEqualTo(200);
        // the claims before these completions left no row for Camunda's licence metrics (switched off)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK_METER_LOG", Long.class)).isZero();
        Response someoneElses = completeCurrent("supervisor2", id, Map.of("investigationAction", "PROPOSE"));
        assertThat(someoneElses.status()).isEqualTo(409);
        assertThat(someoneElses.code()).isEqualTo("TASK_HELD_BY_OTHER");
        Response proposed = completeCurrent("supervisor", id, Map.of("investigationAction", "PROPOSE",
                "proposal", "SUGGESTION_LETTER", "findings", "经调取执法记录，现场检查未出示执法证件属实。"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
        assertThat(completeCurrent("lead", id, Map.of("proposalApproved", true)).status()).isEqualTo(200);
        Response replied = completeCurrent("supervisor", id, Map.of("replyText",
                "经调查，您反映的执法人员未出示执法证件问题属实。\n我局已向市市场监督管理局制发监督建议书，督促其整改。"));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);

        JsonNode detail = replied.body();
        String docNo = detail.get("replyDocNo").asText();
        assertThat(docNo).matches("市司监复〔" + LocalDate.now().getYear() + "〕\\d+号");
        assertThat(detail.get("status").asText()).isEqualTo("REPLIED");
        // the approval started the letter, its draft written from the complaint, and the complaint shows it
        JsonNode followUp = detail.get("followUps").get(0);
        assertThat(followUp.get("targetType").asText()).isEqualTo("SUGGESTION_LETTER");
        assertThat(followUp.get("targetRecordNo").asText()).startsWith("JY-");
        JsonNode letter = get("supervisor", "/api/letters/" + followUp.get("targetId").asLong()).body();
        assertThat(letter.at("/letter/letterNo").asText()).isEqualTo(followUp.get("targetRecordNo").asText());
        assertThat(letter.at("/letter/sourceType").asText()).isEqualTo("COMPLAINT");
        assertThat(letter.at("/letter/sourceRef").asText()).isEqualTo(trackingNo);
        assertThat(letter.at("/letter/agencyCode").asText()).isEqualTo("SCJ");
        assertThat(letter.at("/letter/body").asText()).contains("现场检查未出示执法证件属实");
        assertThat(letter.get("steps").findValuesAsText("taskKey")).containsExactly("Task_DraftLetter");
        assertThat(detail.get("documents").get(0).get("docNo").asText()).isEqualTo(docNo);
        List<String> steps = detail.get("decisions").findValuesAsText("step");
        assertThat(steps).containsExactly("REVIEW_ACCEPTANCE", "APPROVE_ACCEPTANCE", "ASSIGN_SUPERVISOR", "INVESTIGATE",
                "APPROVE_PROPOSAL", "WRITE_REPLY");
        assertThat(detail.get("decisions").get(1).get("actor").asText()).isEqualTo("lead");
        assertThat(detail.get("decisions").get(1).get("actorRole").asText()).isEqualTo("lead");
        assertThat(detail.get("decisions").get(1).get("decidedAt").isNull()).isFalse();

        Response tracked = publicGet("/api/public/complaints/" + trackingNo + "?queryCode=" + queryCode);
        assertThat(tracked.body().get("status").asText()).isEqualTo("REPLIED");
        assertThat(tracked.body().get("reply").get("docNo").asText()).isEqualTo(docNo);
        assertThat(tracked.body().get("reply").get("text").asText()).contains("监督建议书");
        assertThat(tracked.toString()).doesNotContain("经调取执法记录");
        Response download = publicGet("/api/public/complaints/" + trackingNo + "/reply?queryCode=" + queryCode);
        assertThat(download.status()).isEqualTo(200);
        assertThat(new String(download.bytes(), 0, 2)).isEqualTo("PK");

        assertThat(completeCurrent("clerk", id, Map.of("satisfaction", "SATISFIED")).body().get("status").asText())
                .isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE record_type = 'COMPLAINT' AND record_no = ?"
                + " AND action = 'TASK_COMPLETED'", Long.class, trackingNo)).isEqualTo(7);
    }

    @Test
    void anApprovedCaseProposalOpensTheCaseAndEachShowsTheOther() {
        String trackingNo = approvedProposal("SUPERVISION_CASE");
        JsonNode followUp = get("lead", "/api/complaints/" + idOf(trackingNo)).body().get("followUps").get(0);
        assertThat(followUp.get("targetType").asText()).isEqualTo("SUPERVISION_CASE");
        String caseNo = followUp.get("targetRecordNo").asText();
        assertThat(caseNo).startsWith("AJ-");
        assertThat(followUp.get("linkedAt").isNull()).isFalse();
        JsonNode opened = get("lead", "/api/cases/" + followUp.get("targetId").asLong()).body();
        assertThat(opened.at("/supervisionCase/caseNo").asText()).isEqualTo(caseNo);
        assertThat(opened.at("/supervisionCase/sourceType").asText()).isEqualTo("COMPLAINT");
        assertThat(opened.at("/supervisionCase/sourceRef").asText()).isEqualTo(trackingNo);
        assertThat(opened.at("/supervisionCase/agencyCode").asText()).isEqualTo("SCJ");
        assertThat(opened.at("/supervisionCase/createdBy").asText()).isEqualTo("lead");
        assertThat(opened.get("steps").findValuesAsText("taskKey")).containsExactly("Task_ApproveFiling");
        // one trace: the complaint's shows the case's process
        assertThat(get("auditor", "/api/trace/" + trackingNo).toString()).contains(caseNo);
    }

    @Test
    void anApprovedClueProposalIsTakenUpWhenItsHandlerProposesTheTransfer() {
        String trackingNo = approvedProposal("CLUE_TRANSFER");
        long id = idOf(trackingNo);
        // a transfer needs facts only the handler can state: the handler is asked, nothing is opened yet
        assertThat(notificationsOf("supervisor", "INFO", trackingNo)).isEqualTo(1);
        assertThat(get("lead", "/api/complaints/" + id).body().get("followUps").get(0).get("targetRecordNo").isNull())
                .isTrue();
        Response proposed = post("supervisor", "/api/clues", Map.of("categoryCode", "ILLEGAL_PROCEDURE",
                "facts", "执法人员检查时未出示执法证件并扣押电子秤。", "personsInvolved", "李某", "agencyCode", "SCJ",
                "source", Map.of("type", "COMPLAINT", "no", trackingNo)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String clueNo = proposed.body().get("clueNo").asText();
        JsonNode handlers = get("supervisor", "/api/complaints/" + id).body().get("followUps").get(0);
        assertThat(handlers.get("targetRecordNo").asText()).isEqualTo(clueNo);
        // need to know: a supervisor who does not handle the clue sees that a transfer was approved, not which
        JsonNode others = get("supervisor2", "/api/complaints/" + id).body().get("followUps").get(0);
        assertThat(others.get("targetType").asText()).isEqualTo("CLUE_TRANSFER");
        assertThat(others.get("targetRecordNo").isNull()).isTrue();
        assertThat(get("supervisor2", "/api/complaints/" + id).toString()).doesNotContain(clueNo);
        assertThat(get("supervisor2", "/api/trace/" + trackingNo).toString()).doesNotContain(clueNo);
        assertThat(get("auditor", "/api/trace/" + trackingNo).toString()).contains(clueNo);
    }

    /** A complaint about SCJ taken to the lead's approval of the given proposal. */
    private String approvedProposal(String proposal) {
        String trackingNo = publicPost("/api/public/complaints", complaint()).body().get("trackingNo").asText();
        long id = idOf(trackingNo);
        assertThat(completeCurrent("clerk", id, Map.of("acceptanceDecision", "ACCEPT")).status()).isEqualTo(200);
        assertThat(completeCurrent("lead", id, Map.of("acceptanceApproved", true)).status()).isEqualTo(200);
        assertThat(completeCurrent("lead", id, Map.of("supervisorId", "supervisor")).status()).isEqualTo(200);
        assertThat(completeCurrent("supervisor", id, Map.of("investigationAction", "PROPOSE", "proposal", proposal,
                "findings", "经调取执法记录，现场检查未出示执法证件属实。")).status()).isEqualTo(200);
        Response approved = completeCurrent("lead", id, Map.of("proposalApproved", true));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return trackingNo;
    }

    @Test
    void tasklistCompletionRecordsTheDecisionButCannotChangeAnyOther() throws Exception {
        Response created = publicPost("/api/public/complaints", complaint());
        String trackingNo = created.body().get("trackingNo").asText();
        long id = idOf(trackingNo);
        assertThat(completeCurrent("clerk", id, Map.of("acceptanceDecision", "ACCEPT")).status()).isEqualTo(200);

        // the lead approves in Tasklist; a request that also tries to turn the clerk's decision into REJECT is refused
        String approval = currentTask(id, "lead");
        WebappSession tasklist = WebappSession.login(port, "lead", PASSWORD);
        assertThat(tasklist.engine("POST", "task/" + approval + "/claim", "{\"userId\":\"lead\"}").status()).isEqualTo(204);
        WebappSession.Answer tampered = tasklist.engine("POST", "task/" + approval + "/submit-form", """
                {"variables":{"acceptanceApproved":{"value":true},"acceptanceDecision":{"value":"REJECT"},
                 "extended":{"value":true},"note":{"value":"free text that must not stay in the process"}}}""");
        assertThat(tampered.status()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.body()).contains("acceptanceDecision", "extended", "note");
        WebappSession.Answer approved = tasklist.engine("POST", "task/" + approval + "/submit-form",
                "{\"variables\":{\"acceptanceApproved\":{\"value\":true}}}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);

        JsonNode detail = get("lead", "/api/complaints/" + id).body();
        assertThat(detail.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(detail.get("currentSteps").get(0).get("taskKey").asText()).isEqualTo("Task_AssignSupervisor");
        assertThat(detail.get("decisions").get(1).get("step").asText()).isEqualTo("APPROVE_ACCEPTANCE");
        assertThat(detail.get("decisions").get(1).get("actor").asText()).isEqualTo("lead");
        String assignment = detail.get("currentSteps").get(0).get("taskId").asText();
        Map<String, Object> variables = taskService.getVariables(assignment);
        assertThat(variables).containsEntry("acceptanceDecision", "ACCEPT").containsEntry("acceptanceApproved", true)
                .containsEntry("extended", false).doesNotContainKey("note");
    }

    @Test
    void overdueAcceptanceIsEscalatedToTheLeads() {
        Response created = publicPost("/api/public/complaints", complaint());
        String trackingNo = created.body().get("trackingNo").asText();
        long id = idOf(trackingNo);
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(trackingNo).singleResult();
        Job overdue = managementService.createJobQuery().processInstanceId(review.getProcessInstanceId())
                .activityId("Timer_AcceptanceOverdue").singleResult();
        assertThat(overdue.getDuedate()).isEqualTo(review.getDueDate());
        long leadMessages = notificationsOf("lead", "ESCALATION", trackingNo);

        ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 60_000));
        managementService.executeJob(overdue.getId());

        Response detail = get("lead", "/api/complaints/" + id);
        assertThat(detail.body().get("escalations")).hasSize(1);
        assertThat(detail.body().get("escalations").get(0).get("taskKey").asText()).isEqualTo("Task_ReviewAcceptance");
        assertThat(detail.body().get("currentSteps").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(notificationsOf("lead", "ESCALATION", trackingNo)).isEqualTo(leadMessages + 1);
        Response overdueList = get("lead", "/api/complaints?overdue=true&q=" + trackingNo);
        assertThat(overdueList.body().get("total").asLong()).isEqualTo(1);
        ClockUtil.reset();
        assertThat(get("lead", "/api/complaints?overdue=true&q=" + trackingNo).body().get("total").asLong()).isZero();
    }

    private long notificationsOf(String user, String kind, String recordNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? AND kind = ? AND record_no = ?",
                Long.class, user, kind, recordNo);
    }

    private Response completeCurrent(String user, long id, Map<String, Object> fields) {
        String taskId = currentTask(id, user);
        return post(user, "/api/complaints/" + id + "/tasks/" + (taskId == null ? "none" : taskId) + "/complete", fields);
    }

    private String currentTask(long id, String user) {
        JsonNode steps = get("lead", "/api/complaints/" + id).body().get("currentSteps");
        return steps.isEmpty() ? null : steps.get(0).get("taskId").asText();
    }

    private long idOf(String trackingNo) {
        return jdbc.queryForObject("SELECT id FROM complaint WHERE tracking_no = ?", Long.class, trackingNo);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Object> complaint() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("anonymous", false);
        body.put("complainantName", "张三丰");
        body.put("complainantPhone", "13812345678");
        body.put("complainantAddress", "幸福路8号");
        body.put("agencyCode", "SCJ");
        body.put("fieldCode", "MARKET");
        body.put("occurredOn", LocalDate.now().minusDays(3).toString());
        body.put("occurredPlace", "人民路农贸市场");
        body.put("facts", "执法人员检查摊位时未出示执法证件，并当场扣押了我的电子秤。");
        body.put("demands", "请求依法核查并纠正。");
        return body;
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private Response submit(Map<String, Object> complaint, List<ByteArrayResource> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        try {
            parts.add("complaint", new HttpEntity<>(json.writeValueAsString(complaint), jsonPart));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpHeaders filePart = new HttpHeaders();
        filePart.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        files.forEach(file -> parts.add("files", new HttpEntity<>(file, filePart)));
        return exchange(client.post().uri("/api/public/complaints").header("X-Forwarded-For", address)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
    }

    private Response publicPost(String path, Object body) {
        return exchange(client.post().uri(path).header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON).body(body));
    }

    private Response publicGet(String path) {
        return exchange(client.method(HttpMethod.GET).uri(path).header("X-Forwarded-For", address));
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL)
                .exchange((req, res) -> {
                    byte[] bytes = res.getBody().readAllBytes();
                    MediaType type = res.getHeaders().getContentType();
                    JsonNode node = bytes.length > 0 && type != null && type.getSubtype().contains("json")
                            ? json.readTree(bytes) : null;
                    return new Response(res.getStatusCode().value(), node, res.getHeaders(), bytes);
                });
    }
}
