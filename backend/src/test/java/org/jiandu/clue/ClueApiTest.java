package org.jiandu.clue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jiandu.IntegrationTest;
import org.jiandu.deadline.Deadlines;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.UserDirectory;
import org.jiandu.web.ApiException;
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

/**
 * Clue transfer over the REST API, as its users see it: the handler, legal reviewer and lead of the
 * supervision body, the receiving body, and those who must never learn of a clue (the agency concerned,
 * another supervisor).
 */
class ClueApiTest extends IntegrationTest {

    private static final byte[] PDF = "%PDF-1.4 evidence".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    FormService formService;

    @Autowired
    ClueProposals proposals;

    @Autowired
    UserDirectory userDirectory;

    @Autowired
    Deadlines deadlines;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void approvedTransferReachesTheCommissionAndNeverTheAgencyConcerned() {
        String complaintNo = "TS-T5-" + System.nanoTime();
        String caseNo = "AJ-T5-" + System.nanoTime();
        JsonNode proposed = propose("supervisor", Map.of("categoryCode", "ILLEGAL_PROCEDURE",
                "facts", "执法人员在检查中推搡当事人，未出示执法证件。", "personsInvolved", "张某（执法队员）",
                "agencyCode", "SCJ", "source", Map.of("type", "COMPLAINT", "no", complaintNo),
                "evidenceLinks", List.of(Map.of("type", "CASE", "no", caseNo))));
        long id = proposed.get("id").asLong();
        String clueNo = proposed.get("clueNo").asText();
        assertThat(clueNo).matches("XS-\\d{4}-\\d{6}");
        assertThat(proposed.get("status").asText()).isEqualTo("LEGAL_REVIEW");
        assertThat(proposed.get("targetOrg").get("code").asText()).isEqualTo("JW");
        assertThat(proposed.get("issuer").get("code").asText()).isEqualTo("SFJ");
        assertThat(upload("supervisor", id, "EVIDENCE", "现场视频截图.pdf").status()).isEqualTo(201);

        // before approval the receiving body does not know of it; the agency concerned and another supervisor never do
        assertInvisible("discipline", id, clueNo);
        assertInvisible("agency-scj", id, clueNo);
        assertInvisible("supervisor2", id, clueNo);
        assertThat(get("agency-scj", "/api/clues").status()).isEqualTo(404);
        assertThat(get("agency-scj", "/api/clues/counts").status()).isEqualTo(404);
        assertThat(get("agency-scj", "/api/clues/linked?sourceType=COMPLAINT&sourceNo=" + complaintNo).status())
                .isEqualTo(404);
        assertThat(get("supervisor2", "/api/clues/linked?sourceType=COMPLAINT&sourceNo=" + complaintNo).body()).isEmpty();
        assertThat(get("supervisor", "/api/clues/linked?sourceType=COMPLAINT&sourceNo=" + complaintNo).body()
                .findValuesAsText("clueNo")).containsExactly(clueNo);
        assertThat(get("lead", "/api/clues/linked?sourceType=CASE&sourceNo=" + caseNo).body()
                .findValuesAsText("clueNo")).containsExactly(clueNo);
        assertThat(engineTasks("discipline", clueNo)).isZero();

        assertThat(post("legal", "/api/clues/" + id + "/legal-review",
                Map.of("passed", true, "opinion", "事实清楚，证据充分，符合移送条件。")).status()).isEqualTo(200);
        Response approved = post("lead", "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意移送。"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode clue = approved.body();
        String letterNo = clue.get("transferLetterNo").asText();
        assertThat(letterNo).matches("市司监移〔\\d{4}〕\\d+号");
        assertThat(clue.get("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(LocalDate.parse(clue.get("transferDue").asText()))
                .isEqualTo(deadlines.dueDate("clue.transfer", LocalDate.parse(clue.get("approvedAt").asText().substring(0, 10))));
        assertThat(clue.get("documents").findValuesAsText("docType"))
                .containsExactlyInAnyOrder("EVIDENCE", "TRANSFER_LETTER", "TRANSFER_MATERIALS");
        assertThat(clue.get("documents").findValuesAsText("docNo")).contains(letterNo);

        // now the receiving body sees it, in its inbox, with the documents; the agency still does not
        Response seen = get("discipline", "/api/clues/" + id);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get("steps")).isEmpty();
        assertThat(get("discipline", "/api/clues").body().get("items").findValuesAsText("clueNo")).contains(clueNo);
        assertThat(engineTasks("discipline", clueNo)).isEqualTo(1);
        assertThat(engineTasks("agency-scj", clueNo)).isZero();
        assertThat(notificationsAbout("discipline", clueNo)).isNotEmpty();
        assertThat(notificationsAbout("agency-scj", clueNo)).isEmpty();
        assertThat(notificationsAbout("supervisor2", clueNo)).isEmpty();
        assertThat(notificationsAbout("supervisor", clueNo)).contains("INFO");
        long letterId = documentId(seen.body(), "TRANSFER_LETTER");
        Response letter = get("discipline", "/api/clues/" + id + "/documents/" + letterId);
        assertThat(letter.status()).isEqualTo(200);
        assertThat(textOf(letter.bytes())).contains(letterNo, "市纪委监委：", "违反法定程序，野蛮、粗暴执法的", "张某（执法队员）",
                "市市场监督管理局", "附件：移送材料清单");
        long materialsId = documentId(seen.body(), "TRANSFER_MATERIALS");
        assertThat(textOf(get("discipline", "/api/clues/" + id + "/documents/" + materialsId).bytes()))
                .contains(letterNo, "现场视频截图", "投诉举报 " + complaintNo, "执法监督案件 " + caseNo);
        assertInvisible("agency-scj", id, clueNo);
        assertThat(get("agency-scj", "/api/clues/" + id + "/documents/" + letterId).status()).isEqualTo(404);
        assertThat(get("supervisor2", "/api/clues/" + id + "/documents/" + letterId).status()).isEqualTo(404);

        assertThat(post("discipline", "/api/clues/" + id + "/receipt", Map.of("note", "已收到")).body()
                .get("status").asText()).isEqualTo("RECEIVED");
        assertThat(upload("discipline", id, "OUTCOME", "谈话记录.pdf").status()).isEqualTo(201);
        Response outcome = post("discipline", "/api/clues/" + id + "/outcome",
                Map.of("kind", "TALK_REMINDER", "text", "已对张某进行谈话提醒。"));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);

        JsonNode closed = get("supervisor", "/api/clues/" + id).body();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").get("kind").asText()).isEqualTo("TALK_REMINDER");
        assertThat(closed.get("outcome").get("onPaper").asBoolean()).isFalse();
        assertThat(closed.get("openSteps")).isEmpty();
        assertThat(closed.get("steps").findValuesAsText("step"))
                .containsExactly("LEGAL_REVIEW", "LEAD_APPROVAL", "RECEIPT", "OUTCOME");
        assertThat(get("auditor", "/api/audit?recordType=CLUE&recordNo=" + clueNo).body().findValuesAsText("action"))
                .contains("CLUE_PROPOSED", "LEGAL_REVIEW_PASSED", "TRANSFER_APPROVED", "TRANSFER_ISSUED",
                        "RECEIPT_ACKNOWLEDGED", "OUTCOME_RECORDED");
        assertThat(get("auditor", "/api/clues/" + id).status()).isEqualTo(200);
        assertThat(get("lead", "/api/clues/counts").body().get("byCategory").get("ILLEGAL_PROCEDURE").asLong())
                .isPositive();
    }

    @Test
    void returnedByLegalReviewRevisedAndThenRejectedByTheLead() {
        JsonNode proposed = propose("supervisor", Map.of("categoryCode", "INACTION", "facts", "对群众举报长期不予处理。",
                "personsInvolved", "李某", "agencyCode", "HBJ"));
        long id = proposed.get("id").asLong();
        Response returned = post("legal", "/api/clues/" + id + "/legal-review",
                Map.of("passed", false, "opinion", "涉及人员不明确，请补充。"));
        assertThat(returned.body().get("status").asText()).isEqualTo("RETURNED");
        assertThat(post("supervisor2", "/api/clues/" + id + "/revision", Map.of("resubmit", true, "note", "x")).status())
                .isEqualTo(404);

        Response revised = put("supervisor", "/api/clues/" + id, Map.of("categoryCode", "INACTION",
                "facts", "对群众举报长期不予处理，涉及三起举报。", "personsInvolved", "李某（执法大队副大队长）", "agencyCode", "HBJ"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.body().get("personsInvolved").asText()).isEqualTo("李某（执法大队副大队长）");
        assertThat(post("supervisor", "/api/clues/" + id + "/revision", Map.of("resubmit", true, "note", "已补充涉及人员。"))
                .body().get("status").asText()).isEqualTo("LEGAL_REVIEW");
        post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "同意提请审批。"));

        Response rejected = post("lead", "/api/clues/" + id + "/approval", Map.of("approved", false, "opinion", "证据不足，暂不移送。"));
        assertThat(rejected.body().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("transferLetterNo").isNull()).isTrue();
        assertThat(rejected.body().get("documents")).isEmpty();
        assertThat(rejected.body().get("closedAt").isNull()).isFalse();
        assertThat(get("discipline", "/api/clues/" + id).status()).isEqualTo(404);
        assertThat(notificationsAbout("discipline", rejected.body().get("clueNo").asText())).isEmpty();
        assertThat(notificationsAbout("supervisor", rejected.body().get("clueNo").asText())).contains("RETURNED", "INFO");
        assertThat(post("lead", "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "改为同意")).code())
                .isEqualTo("STEP_NOT_OPEN");
    }

    @Test
    void noOutcomeInTimeRemindsBothSidesAndTheSupervisorRecordsThePaperOutcome() {
        long id = approvedClue("ILLEGAL_CHARGES", null);
        String clueNo = get("supervisor", "/api/clues/" + id).body().get("clueNo").asText();
        assertThat(post("discipline", "/api/clues/" + id + "/receipt", Map.of()).status()).isEqualTo(200);
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM clue WHERE id = ?", String.class, id);
        assertThat(post("supervisor", "/api/clues/" + id + "/outcome", Map.of("kind", "NO_ACTION", "text", "x")).code())
                .isEqualTo("STEP_NOT_OPEN");

        fire(processInstanceId, "Timer_OutcomeReminder");
        assertThat(notificationsAbout("discipline", clueNo)).contains("REMINDER");
        fire(processInstanceId, "Timer_OutcomeOverdue");
        assertThat(notificationsAbout("discipline", clueNo)).contains("URGE");
        assertThat(notificationsAbout("supervisor", clueNo)).contains("ESCALATION");
        assertThat(get("supervisor", "/api/clues/" + id).body().get("status").asText()).isEqualTo("OUTCOME_OVERDUE");

        assertThat(upload("supervisor", id, "OUTCOME", "纪委书面反馈.pdf").status()).isEqualTo(201);
        Response paper = post("supervisor", "/api/clues/" + id + "/outcome",
                Map.of("kind", "DISCIPLINARY_SANCTION", "text", "据市纪委监委书面反馈，已给予政务警告处分。"));
        assertThat(paper.status()).as(paper.toString()).isEqualTo(200);
        assertThat(paper.body().get("status").asText()).isEqualTo("CLOSED");
        assertThat(paper.body().get("outcome").get("onPaper").asBoolean()).isTrue();
        assertThat(paper.body().get("openSteps")).isEmpty();
        assertThat(post("discipline", "/api/clues/" + id + "/outcome", Map.of("kind", "NO_ACTION", "text", "x")).code())
                .isEqualTo("STEP_NOT_OPEN");
    }

    @Test
    void transferToPublicSecurityAfterCollectiveDecisionGoesOnlyToThatBody() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        String orgCode = "GA" + suffix;
        String userId = "ga-" + suffix;
        assertThat(post("admin", "/api/admin/orgs", Map.of("code", orgCode, "name", "市公安局" + suffix,
                "kind", "PUBLIC_SECURITY", "adminLevel", "CITY", "parentCode", "CITY")).status()).isEqualTo(201);
        assertThat(post("admin", "/api/admin/users", Map.of("userId", userId, "displayName", "公安联络员",
                "password", "secret-123", "orgCode", orgCode, "roles", List.of("discipline"))).status()).isEqualTo(201);

        JsonNode proposed = propose("supervisor", Map.of("target", "PUBLIC_SECURITY", "targetOrgCode", orgCode,
                "categoryCode", "NOT_TRANSFERRING", "facts", "对涉嫌生产销售伪劣产品罪的案件仅作罚款处理，未移送公安机关。",
                "personsInvolved", "王某（稽查科科长）", "agencyCode", "SCJ"));
        long id = proposed.get("id").asLong();
        String clueNo = proposed.get("clueNo").asText();
        assertThat(proposed.get("category").get("requiresCollective").asBoolean()).isTrue();
        post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "涉嫌犯罪，应当移送。"));
        Response meeting = post("lead", "/api/clues/" + id + "/collective-decision",
                Map.of("agreed", true, "minutes", "局务会研究，同意移送公安机关。"));
        assertThat(meeting.body().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(callWithPassword(org.springframework.http.HttpMethod.GET, userId, "secret-123", "/api/clues/" + id, null)
                .status()).isEqualTo(404);
        Response approved = post("lead", "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意。"));
        assertThat(approved.body().get("targetOrg").get("code").asText()).isEqualTo(orgCode);
        assertThat(approved.body().get("target").asText()).isEqualTo("PUBLIC_SECURITY");

        Response seen = callWithPassword(org.springframework.http.HttpMethod.GET, userId, "secret-123", "/api/clues/" + id, null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(asUser(userId, () -> taskService.createTaskQuery().processInstanceBusinessKey(clueNo).list())
                .stream().map(Task::getTaskDefinitionKey).toList()).containsExactly("Task_AcknowledgeReceipt");
        assertThat(get("discipline", "/api/clues/" + id).status()).isEqualTo(404);
        assertThat(engineTasks("discipline", clueNo)).isZero();
        Response receipt = callWithPassword(org.springframework.http.HttpMethod.POST, userId, "secret-123",
                "/api/clues/" + id + "/receipt", Map.of());
        assertThat(receipt.body().get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void badInputChangesNothing() {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM clue", Integer.class);
        Response unknownCategory = post("supervisor", "/api/clues", Map.of("categoryCode", "NO_SUCH_CATEGORY",
                "facts", "事实", "personsInvolved", "某人"));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.code()).isEqualTo("UNKNOWN_CATEGORY");
        Response missingFacts = post("supervisor", "/api/clues", Map.of("categoryCode", "BRIBERY", "personsInvolved", "某人"));
        assertThat(missingFacts.status()).isEqualTo(400);
        assertThat(missingFacts.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("supervisor", "/api/clues", Map.of("categoryCode", "BRIBERY", "facts", "事实", "personsInvolved",
                "某人", "agencyCode", "JW")).code()).isEqualTo("UNKNOWN_AGENCY");
        assertThat(post("supervisor", "/api/clues", Map.of("categoryCode", "BRIBERY", "facts", "事实", "personsInvolved",
                "某人", "target", "PROCURATORATE")).code()).isEqualTo("NO_TARGET_ORG");
        assertThat(post("agency-scj", "/api/clues", Map.of("categoryCode", "BRIBERY", "facts", "事实",
                "personsInvolved", "某人")).status()).isEqualTo(404);
        ClueProposal blankFacts = new ClueProposal(null, null, "BRIBERY", "  ", "某人", null, null, null);
        assertThatThrownBy(() -> proposals.propose(blankFacts, userDirectory.load("supervisor").orElseThrow()))
                .isInstanceOf(ApiException.class).hasMessageContaining("事实");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clue", Integer.class)).isEqualTo(before);

        long id = propose("supervisor", Map.of("categoryCode", "SELECTIVE", "facts", "同类违法行为处罚畸轻畸重。",
                "personsInvolved", "赵某")).get("id").asLong();
        Response noOpinion = post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true));
        assertThat(noOpinion.status()).isEqualTo(400);
        assertThat(post("supervisor", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "自审"))
                .status()).isEqualTo(403);
        assertThat(upload("supervisor", id, "EVIDENCE", "病毒.exe").code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        JsonNode unchanged = get("supervisor", "/api/clues/" + id).body();
        assertThat(unchanged.get("status").asText()).isEqualTo("LEGAL_REVIEW");
        assertThat(unchanged.get("steps")).isEmpty();
        assertThat(unchanged.get("documents")).isEmpty();
    }

    @Test
    void approvalThatCannotNumberItsLetterLeavesNoTrace() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        String bodyCode = "SB" + suffix;
        post("admin", "/api/admin/orgs", Map.of("code", bodyCode, "name", "测试司法局" + suffix,
                "kind", "SUPERVISION_BODY", "adminLevel", "CITY", "parentCode", "CITY"));
        String supervisor = "sup-" + suffix;
        String lead = "lead-" + suffix;
        post("admin", "/api/admin/users", Map.of("userId", supervisor, "displayName", "监督员", "password", "secret-123",
                "orgCode", bodyCode, "roles", List.of("supervisor")));
        post("admin", "/api/admin/users", Map.of("userId", lead, "displayName", "科长", "password", "secret-123",
                "orgCode", bodyCode, "roles", List.of("lead")));
        Response proposed = callWithPassword(org.springframework.http.HttpMethod.POST, supervisor, "secret-123",
                "/api/clues", Map.of("categoryCode", "UNQUALIFIED", "facts", "协管员独立开具罚单。", "personsInvolved", "协管员孙某"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long id = proposed.body().get("id").asLong();
        assertThat(proposed.body().get("targetOrg").get("code").asText()).isEqualTo("JW");
        post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "同意。"));

        Response refused = callWithPassword(org.springframework.http.HttpMethod.POST, lead, "secret-123",
                "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意移送。"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ISSUER_HAS_NO_ABBREVIATION");
        JsonNode unchanged = get("auditor", "/api/clues/" + id).body();
        assertThat(unchanged.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(unchanged.get("approvedAt").isNull()).isTrue();
        assertThat(unchanged.get("documents")).isEmpty();
        assertThat(unchanged.get("steps").findValuesAsText("step")).containsExactly("LEGAL_REVIEW");
        assertThat(get("discipline", "/api/clues/" + id).status()).isEqualTo(404);

        put("admin", "/api/admin/orgs/" + bodyCode, Map.of("name", "测试司法局" + suffix, "docAbbr", "测" + suffix,
                "enabled", true));
        Response approved = callWithPassword(org.springframework.http.HttpMethod.POST, lead, "secret-123",
                "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意移送。"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("transferLetterNo").asText()).matches("测" + suffix + "移〔\\d{4}〕1号");
    }

    @Test
    void tasklistCompletionIsCheckedTheSameWayAndKeepsNoTextsInTheEngine() {
        JsonNode proposed = propose("supervisor", Map.of("categoryCode", "DISCRETION_ABUSE",
                "facts", "同类案件罚款数额相差十倍。", "personsInvolved", "周某"));
        long id = proposed.get("id").asLong();
        String clueNo = proposed.get("clueNo").asText();
        Task task = asUser("legal", () -> taskService.createTaskQuery().processInstanceBusinessKey(clueNo).singleResult());
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_LegalReview");
        String form = asUser("legal", () -> {
            try (InputStream deployed = formService.getDeployedTaskForm(task.getId())) {
                return new String(deployed.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(form).contains("\"legalOpinion\"", "法制审核意见");

        // what Tasklist does when the reviewer submits the form without the opinion, then with it
        assertThatThrownBy(() -> asUser("legal", () -> {
            taskService.complete(task.getId(), Map.of("legalReviewPassed", true));
            return null;
        })).hasMessageContaining("法制审核意见");
        assertThat(get("legal", "/api/clues/" + id).body().get("status").asText()).isEqualTo("LEGAL_REVIEW");
        asUser("legal", () -> {
            // a form's radio button may submit its choice as text
            taskService.complete(task.getId(), Map.of("legalReviewPassed", "true", "legalOpinion", "经审核，同意提请审批。"));
            return null;
        });
        JsonNode clue = get("legal", "/api/clues/" + id).body();
        assertThat(clue.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(clue.get("steps").get(0).get("opinion").asText()).isEqualTo("经审核，同意提请审批。");
        assertThat(clue.get("steps").get(0).get("actor").asText()).isEqualTo("legal");
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM clue WHERE id = ?", String.class, id);
        Map<String, Object> variables = runtimeService.getVariables(processInstanceId);
        assertThat(variables).containsEntry("legalReviewPassed", true).doesNotContainKey("legalOpinion");
    }

    @Test
    void adminMaintainsTheCategoriesAndWhetherTheyNeedACollectiveDecision() {
        String code = "T5_" + System.nanoTime() % 1_000_000_000L;
        Map<String, Object> category = new HashMap<>(Map.of("code", code, "name", "测试类别：违规异地执法的",
                "requiresCollective", true, "enabled", true, "sortNo", 99));
        assertThat(post("supervisor", "/api/admin/clue-categories", category).status()).isEqualTo(403);
        assertThat(post("admin", "/api/admin/clue-categories", category).status()).isEqualTo(201);
        assertThat(get("supervisor", "/api/clue-categories").body().findValuesAsText("code")).contains(code);

        long id = propose("supervisor", Map.of("categoryCode", code, "facts", "跨辖区实施检查。", "personsInvolved", "吴某"))
                .get("id").asLong();
        Response reviewed = post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "同意。"));
        assertThat(reviewed.body().get("status").asText()).isEqualTo("COLLECTIVE_DECISION");
        assertThat(reviewed.body().get("openSteps").findValuesAsText("taskKey")).containsExactly("Task_CollectiveDecision");

        category.put("enabled", false);
        assertThat(put("admin", "/api/admin/clue-categories/" + code, category).status()).isEqualTo(200);
        assertThat(get("supervisor", "/api/clue-categories").body().findValuesAsText("code")).doesNotContain(code);
        assertThat(post("supervisor", "/api/clues", Map.of("categoryCode", code, "facts", "事实", "personsInvolved", "某人"))
                .code()).isEqualTo("UNKNOWN_CATEGORY");
    }

    /** A clue proposed by {@code supervisor} and approved, waiting for the commission to sign for it. */
    private long approvedClue(String category, String agency) {
        Map<String, Object> proposal = new HashMap<>(Map.of("categoryCode", category, "facts", "违规收取检测费用。",
                "personsInvolved", "钱某"));
        if (agency != null) {
            proposal.put("agencyCode", agency);
        }
        long id = propose("supervisor", proposal).get("id").asLong();
        post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "同意。"));
        Response approved = post("lead", "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意。"));
        assertThat(approved.body().get("status").asText()).isEqualTo("TRANSFERRED");
        return id;
    }

    private JsonNode propose(String user, Map<String, ?> proposal) {
        Response response = post(user, "/api/clues", proposal);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    private void assertInvisible(String user, long id, String clueNo) {
        assertThat(get(user, "/api/clues/" + id).status()).as(user).isEqualTo(404);
        assertThat(get(user, "/api/clues/" + id).code()).isEqualTo("CLUE_NOT_FOUND");
        assertThat(get(user, "/api/clues/" + id + "/documents").status()).as(user).isEqualTo(404);
        Response list = get(user, "/api/clues?size=100");
        if (list.status() == 200) {
            assertThat(list.body().get("items").findValuesAsText("clueNo")).as(user).doesNotContain(clueNo);
        } else {
            assertThat(list.status()).isEqualTo(404);
        }
        assertThat(engineTasks(user, clueNo)).isZero();
        assertThat(asUser(user, () -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(clueNo)
                .count())).isZero();
        assertThat(asUser(user, () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(clueNo).count())).isZero();
    }

    /**
     * Tasks of a clue the user finds in the engine with their own authorizations: what Tasklist and
     * {@code /engine-rest/task} show them.
     */
    private long engineTasks(String user, String clueNo) {
        return asUser(user, () -> taskService.createTaskQuery().processInstanceBusinessKey(clueNo).count());
    }

    /** Runs engine calls as the user with their groups and authorization checks, as the engine's REST API does. */
    private <T> T asUser(String user, Supplier<T> work) {
        CurrentUser account = userDirectory.load(user).orElseThrow();
        identityService.setAuthentication(user, account.engineGroups());
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> notificationsAbout(String user, String clueNo) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode item : get(user, "/api/notifications?size=100").body().get("items")) {
            if (clueNo.equals(item.path("recordNo").asText())) {
                kinds.add(item.get("kind").asText());
            }
        }
        return kinds;
    }

    private static String textOf(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long documentId(JsonNode clue, String docType) {
        for (JsonNode document : clue.get("documents")) {
            if (document.get("docType").asText().equals(docType)) {
                return document.get("id").asLong();
            }
        }
        throw new AssertionError("no " + docType + " in " + clue);
    }

    private void fire(String processInstanceId, String timerId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerId)
                .singleResult();
        assertThat(job).as(timerId).isNotNull();
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService.executeJob(job.getId());
    }

    private Response upload(String user, long id, String kind, String fileName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(fileName.endsWith(".exe") ? new byte[] {'M', 'Z', 0, 0} : PDF) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build()
                .post().uri("/api/clues/" + id + "/files?kind=" + kind)
                .header(HttpHeaders.AUTHORIZATION, basic(user, PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    JsonNode node = bytes.length > 0 ? json.readTree(bytes) : null;
                    return new Response(response.getStatusCode().value(), node, response.getHeaders(), bytes);
                });
    }
}
