package org.jiandu.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jiandu.IntegrationTest;
import org.jiandu.identity.UserDirectory;
import org.jiandu.workflow.AsUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Letters over the REST API: the whole chain, numbering under concurrency, the document, agency isolation. */
class LetterApiTest extends IntegrationTest {

    static final Pattern LETTER_NUMBER = Pattern.compile("市司监建〔(\\d{4})〕(\\d+)号");

    @Autowired
    LetterService letters;
    @Autowired
    UserDirectory directory;
    @Autowired
    IdentityService identityService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;

    AsUser as;

    @BeforeEach
    void setUp() {
        as = new AsUser(directory, identityService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    long createLetter(String agency, boolean rectification) {
        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", agency, "source", "DIRECT",
                "title", "关于规范行政处罚程序的监督建议书", "body", "经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。\n请依法纠正。",
                "rectificationRequired", rectification));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().at("/letter/status").asText()).isEqualTo("DRAFTING");
        return created.body().at("/letter/id").asLong();
    }

    long signedLetter(String agency, boolean rectification) {
        long id = createLetter(agency, rectification);
        Response draft = post("supervisor", "/api/letters/" + id + "/draft", Map.of("agencyCode", agency,
                "title", "关于规范行政处罚程序的监督建议书", "body", "经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。\n请依法纠正。",
                "rectificationRequired", rectification));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", true)).status()).isEqualTo(200);
        Response signed = post("lead", "/api/letters/" + id + "/sign", Map.of("passed", true));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void supervisorToAgencyAndBackWithReturnedReply() throws Exception {
        long id = createLetter("SCJ", false);
        // the agency sees no draft
        assertThat(get("agency-scj", "/api/letters/" + id).status()).isEqualTo(404);
        post("supervisor", "/api/letters/" + id + "/draft", Map.of("agencyCode", "SCJ", "title", "关于规范行政处罚程序的监督建议书",
                "body", "经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。", "replyDays", 20,
                "rectificationRequired", false));
        Response returned = post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", false));
        assertThat(returned.status()).isEqualTo(400);
        assertThat(returned.code()).isEqualTo("FIELD_REQUIRED");
        returned = post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", false, "reason", "法律依据引用不全"));
        assertThat(returned.body().at("/letter/status").asText()).isEqualTo("DRAFTING");
        post("supervisor", "/api/letters/" + id + "/draft", Map.of("agencyCode", "SCJ", "title", "关于规范行政处罚程序的监督建议书",
                "body", "经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。\n依据《行政处罚法》第四十四条，请依法纠正。",
                "replyDays", 20, "rectificationRequired", false));
        post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", true));
        Response signed = post("lead", "/api/letters/" + id + "/sign", Map.of("passed", true));
        String docNo = signed.body().at("/letter/docNo").asText();
        Matcher number = LETTER_NUMBER.matcher(docNo);
        assertThat(number.matches()).as(docNo).isTrue();
        assertThat(signed.body().at("/letter/status").asText()).isEqualTo("SERVED");

        // the agency sees it in its list and inbox, but not the legal review
        JsonNode list = get("agency-scj", "/api/letters?size=100").body();
        assertThat(list.findValuesAsText("letterNo")).contains(signed.body().at("/letter/letterNo").asText());
        JsonNode agencyView = get("agency-scj", "/api/letters/" + id).body();
        assertThat(agencyView.get("decisions").findValuesAsText("step")).doesNotContain("LEGAL_REVIEW");
        assertThat(get("supervisor", "/api/letters/" + id).body().get("decisions").findValuesAsText("reason"))
                .contains("法律依据引用不全");
        assertThat(get("agency-scj", "/api/notifications").body().toString()).contains(docNo);

        // the document: a .docx with the number, the agency and the text
        long documentId = signed.body().at("/letter/documentId").asLong();
        Response download = get("agency-scj", "/api/letters/" + id + "/documents/" + documentId);
        assertThat(download.status()).isEqualTo(200);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(download.bytes()));
             XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertThat(text.getText()).contains(docNo, "市市场监督管理局", "未依法告知陈述申辩权利", "20日内");
        }
        assertThat(get("supervisor", "/api/letters/" + id).body().get("documents").get(0).get("sha256").asText())
                .hasSize(64);

        // agency isolation: another agency gets 404 for the letter and its document
        assertThat(get("agency-hbj", "/api/letters/" + id).status()).isEqualTo(404);
        assertThat(get("agency-hbj", "/api/letters/" + id + "/documents/" + documentId).status()).isEqualTo(404);
        assertThat(get("agency-hbj", "/api/letters?size=100").body().findValuesAsText("letterNo"))
                .doesNotContain(signed.body().at("/letter/letterNo").asText());
        assertThat(post("agency-hbj", "/api/letters/" + id + "/receive", null).status()).isEqualTo(404);

        // receipt starts the term: 20 calendar days (the letter's own term)
        Response received = post("agency-scj", "/api/letters/" + id + "/receive", null);
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.body().at("/letter/replyDue").asText()).isNotBlank();
        assertThat(post("agency-scj", "/api/letters/" + id + "/reply", Map.of("text", "已组织整改。")).status()).isEqualTo(200);
        Response back = post("supervisor", "/api/letters/" + id + "/reply-review", Map.of("passed", false,
                "reason", "未说明对当事人的补救措施"));
        assertThat(back.body().at("/letter/status").asText()).isEqualTo("RECEIVED");
        JsonNode steps = get("agency-scj", "/api/letters/" + id).body().get("steps");
        assertThat(steps.findValuesAsText("taskKey")).containsExactly("Task_ReplyLetter");
        post("agency-scj", "/api/letters/" + id + "/reply", Map.of("text", "已撤销原处罚决定并重新告知当事人权利。"));
        Response accepted = post("supervisor", "/api/letters/" + id + "/reply-review", Map.of("passed", true));
        assertThat(accepted.body().at("/letter/status").asText()).isEqualTo("CLOSED");
        assertThat(accepted.body().get("replies")).hasSize(2);
        assertThat(accepted.body().get("decisions").findValuesAsText("outcome")).contains("RETURNED", "ACCEPTED");
    }

    @Test
    void twentyConcurrentSigningsTakeTwentyConsecutiveNumbers() throws Exception {
        int signings = 20;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < signings; i++) {
            long id = createLetter("CGW", false);
            as.run("supervisor", () -> letters.submitDraft(id, as.user("supervisor"), new LetterContent("CGW",
                    "关于规范执法程序的监督建议书", "请依法纠正。", null, false)));
            as.run("legal", () -> letters.legalReview(id, as.user("legal"), true, null));
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(signings);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<LetterRow>> results = new ArrayList<>();
        for (long id : ids) {
            results.add(pool.submit(() -> {
                go.await();
                return as.call("lead", () -> letters.sign(id, as.user("lead"), true, null));
            }));
        }
        go.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<LetterRow> result : results) {
            Matcher matcher = LETTER_NUMBER.matcher(result.get().docNo());
            assertThat(matcher.matches()).as(result.get().docNo()).isTrue();
            numbers.add(Integer.parseInt(matcher.group(2)));
        }
        pool.shutdown();
        numbers.sort(Integer::compare);
        assertThat(numbers).doesNotHaveDuplicates().hasSize(signings);
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("no gap after %s", numbers.get(i - 1)).isEqualTo(numbers.get(i - 1) + 1);
        }
    }

    @Test
    void aSigningThatFailsAfterTakingItsNumberLeavesNoGap() {
        long first = signedLetter("CGW", false);
        int before = numberOf(letters.byId(first).orElseThrow().docNo());
        long failing = createLetter("CGW", false);
        as.run("supervisor", () -> letters.submitDraft(failing, as.user("supervisor"),
                new LetterContent("CGW", "关于规范执法程序的监督建议书", "请依法纠正。", null, false)));
        as.run("legal", () -> letters.legalReview(failing, as.user("legal"), true, null));
        String taken = as.call("lead", () -> transactions.execute(status -> {
            String docNo = letters.sign(failing, as.user("lead"), true, null).docNo();
            status.setRollbackOnly(); // the signing fails after its number was taken
            return docNo;
        }));
        assertThat(numberOf(taken)).isEqualTo(before + 1);
        assertThat(letters.byId(failing).orElseThrow().docNo()).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE doc_no = ?", Integer.class, taken)).isZero();
        LetterRow signed = as.call("lead", () -> letters.sign(failing, as.user("lead"), true, null));
        assertThat(signed.docNo()).isEqualTo(taken);
    }

    @Test
    void aShortTermIsNotYellowOnTheDayItStartsButTheNextDay() {
        // a reply term of 2 days, shorter than the 5 working days' warning lead: yellow means "close to the due
        // date", so the letter is plain on the day the agency signs for it and yellow from the next day on
        long id = createLetter("HBJ", false);
        post("supervisor", "/api/letters/" + id + "/draft", Map.of("agencyCode", "HBJ", "title", "关于规范行政处罚程序的监督建议书",
                "body", "经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。", "replyDays", 2,
                "rectificationRequired", false));
        post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", true));
        assertThat(post("lead", "/api/letters/" + id + "/sign", Map.of("passed", true)).status()).isEqualTo(200);
        assertThat(post("agency-hbj", "/api/letters/" + id + "/receive", null).status()).isEqualTo(200);
        LetterRow letter = letters.byId(id).orElseThrow();
        assertThat(get("supervisor", "/api/letters/" + id).body().get("flag").asText()).isEqualTo("NONE");
        assertThat(get("supervisor", "/api/letters?flag=YELLOW&size=100").body().findValuesAsText("letterNo"))
                .doesNotContain(letter.letterNo());
        assertThat(get("supervisor", "/api/letters?flag=NONE&size=100").body().findValuesAsText("letterNo"))
                .contains(letter.letterNo());

        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ClockUtil.setCurrentTime(Date.from(letter.receivedAt().toLocalDate().plusDays(1).atTime(9, 0)
                .atZone(zone).toInstant()));
        assertThat(letter.replyDue()).isAfter(letter.receivedAt().toLocalDate().plusDays(1).atTime(9, 0));
        assertThat(get("supervisor", "/api/letters/" + id).body().get("flag").asText()).isEqualTo("YELLOW");
        assertThat(get("supervisor", "/api/letters?flag=YELLOW&size=100").body().findValuesAsText("letterNo"))
                .contains(letter.letterNo());
        assertThat(get("supervisor", "/api/letters?flag=NONE&size=100").body().findValuesAsText("letterNo"))
                .doesNotContain(letter.letterNo());
    }

    @Test
    void lateReplyIsRemindedThenSupervisedWithPublicNotice() {
        long id = signedLetter("HBJ", false);
        post("agency-hbj", "/api/letters/" + id + "/receive", null);
        LetterRow letter = letters.byId(id).orElseThrow();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThat(get("supervisor", "/api/letters/" + id).body().get("flag").asText()).isEqualTo("NONE");
        // the day before the due date: within the warning lead, a yellow flag
        ClockUtil.setCurrentTime(Date.from(letter.replyDue().minusDays(1).atZone(zone).toInstant()));
        assertThat(get("supervisor", "/api/letters/" + id).body().get("flag").asText()).isEqualTo("YELLOW");
        assertThat(get("supervisor", "/api/letters?flag=YELLOW&size=100").body().findValuesAsText("letterNo"))
                .contains(letter.letterNo());
        assertThat(get("supervisor", "/api/letters?flag=RED&size=100").body().findValuesAsText("letterNo"))
                .doesNotContain(letter.letterNo());
        // the deadline passes: a numbered reminder notice (催办通知) with a grace term
        ClockUtil.setCurrentTime(Date.from(letter.replyDue().plusMinutes(5).atZone(zone).toInstant()));
        fire(letter.letterNo(), "Timer_ReplyLetterWarning");
        fire(letter.letterNo(), "Timer_ReplyLetterDeadline");
        JsonNode view = get("supervisor", "/api/letters/" + id).body();
        assertThat(view.get("flag").asText()).isEqualTo("RED");
        assertThat(view.get("escalations").findValuesAsText("stage")).containsExactly("WARNING", "REMINDER");
        assertThat(view.get("documents").findValuesAsText("docType")).contains("REMINDER_NOTICE");
        assertThat(view.get("escalations").get(1).get("docNo").asText()).matches("市司监催〔\\d{4}〕\\d+号");
        assertThat(get("supervisor", "/api/letters?flag=RED&size=100").body().findValuesAsText("letterNo"))
                .contains(letter.letterNo());
        // grace ends: a 督办 task for the lead, who orders a public notice and proposes a clue transfer
        ClockUtil.setCurrentTime(Date.from(LocalDate.from(letter.replyDue()).plusDays(30).atStartOfDay(zone).toInstant()));
        fire(letter.letterNo(), "Timer_ReplyLetterGraceEnd");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(letter.letterNo())
                .taskDefinitionKey("Task_ReplyLetterSupervise").singleResult().getId();
        assertThat(post("supervisor", "/api/escalations/" + taskId + "/decision", Map.of("publicNotice", true,
                "clueProposal", true, "reason", "逾期不复")).status()).isEqualTo(403);
        // clue details without a transfer decided, or with an unknown category: refused, the 督办 task stays open
        Map<String, Object> clue = Map.of("categoryCode", "DEFYING_SUPERVISION",
                "facts", "市生态环境局收到监督建议书后逾期不予答复，经催办仍未答复。", "personsInvolved", "王某（法制科科长）");
        Response notDecided = post("lead", "/api/escalations/" + taskId + "/decision", Map.of("publicNotice", true,
                "clueProposal", false, "reason", "逾期不复", "clue", clue));
        assertThat(notDecided.code()).isEqualTo("CLUE_NOT_DECIDED");
        Response unknown = post("lead", "/api/escalations/" + taskId + "/decision", Map.of("publicNotice", true,
                "clueProposal", true, "reason", "逾期不复", "clue", Map.of("categoryCode", "NO_SUCH",
                        "facts", "逾期不复", "personsInvolved", "王某")));
        assertThat(unknown.code()).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clue WHERE source_no = ?", Long.class, letter.letterNo()))
                .isZero();
        Response decided = post("lead", "/api/escalations/" + taskId + "/decision", Map.of("publicNotice", true,
                "clueProposal", true, "reason", "宽限期满仍未回复，予以通报", "clue", clue));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        // the answer says what the decision produced: the 通报's number and the clue the lead may know of
        assertThat(decided.body().get("recordNo").asText()).isEqualTo(letter.letterNo());
        assertThat(decided.body().get("publicNotices")).hasSize(1);
        String noticeNo = decided.body().get("publicNotices").get(0).asText();
        assertThat(noticeNo).matches("市司监通〔\\d{4}〕\\d+号");
        // the transfer is proposed with the letter as its source and the agency concerned, legal review next
        JsonNode proposed = get("lead", "/api/clues/linked?sourceType=LETTER&sourceNo=" + letter.letterNo()).body();
        assertThat(proposed).hasSize(1);
        String clueNo = proposed.get(0).get("clueNo").asText();
        assertThat(decided.body().at("/clue/clueNo").asText()).isEqualTo(clueNo);
        assertThat(decided.body().at("/clue/id").asLong()).isEqualTo(proposed.get(0).get("id").asLong());
        assertThat(proposed.get(0).get("status").asText()).isEqualTo("LEGAL_REVIEW");
        assertThat(proposed.get(0).get("agencyName").asText()).isEqualTo("市生态环境局");
        assertThat(get("agency-hbj", "/api/clues/" + proposed.get(0).get("id").asLong()).status()).isEqualTo(404);
        assertThat(get("agency-hbj", "/api/trace/" + letter.letterNo()).toString()).doesNotContain(clueNo);
        JsonNode supervised = get("lead", "/api/letters/" + id).body();
        assertThat(supervised.get("escalations").findValuesAsText("stage")).contains("SUPERVISION", "PUBLIC_NOTICE");
        assertThat(get("agency-hbj", "/api/agencies/HBJ/public-notices").body().findValuesAsText("docNo"))
                .contains(noticeNo);
        // the agency sees the 通报 but not the clue proposal
        JsonNode agencyView = get("agency-hbj", "/api/letters/" + id).body();
        assertThat(agencyView.get("escalations").findValues("clueProposal")).allMatch(JsonNode::isNull);
        assertThat(agencyView.get("steps").findValuesAsText("taskKey")).containsExactly("Task_ReplyLetter");
    }

    private void fire(String businessKey, String timerId) {
        String processInstanceId = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("Task_ReplyLetter").singleResult().getProcessInstanceId();
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerId).singleResult();
        assertThat(job).as(timerId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private static int numberOf(String docNo) {
        Matcher matcher = LETTER_NUMBER.matcher(docNo);
        assertThat(matcher.matches()).as(docNo).isTrue();
        return Integer.parseInt(matcher.group(2));
    }
}
