package org.jiandu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jiandu.IntegrationTest;
import org.jiandu.trace.TraceLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** A case from a complaint over REST: filing, investigation, deliberation with an added participant, a letter. */
class CaseApiTest extends IntegrationTest {

    @Autowired
    List<TraceLinks> traceLinks;

    @Test
    void caseFromAComplaintClosesWhenItsLetterHasClosed() throws Exception {
        String complaintNo = "TS-2026-" + System.nanoTime() % 1_000_000;
        Response opened = post("supervisor", "/api/cases", Map.of("sourceType", "COMPLAINT", "sourceRef", complaintNo,
                "agencyCode", "HBJ", "title", "生态环境局行政处罚程序违法案", "summary", "投诉反映处罚前未告知听证权利。"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long id = opened.body().at("/supervisionCase/id").asLong();
        String caseNo = opened.body().at("/supervisionCase/caseNo").asText();
        assertThat(opened.body().get("steps").findValuesAsText("taskKey")).containsExactly("Task_ApproveFiling");
        // the complaint finds its case, the case names its complaint
        JsonNode bySource = get("supervisor", "/api/cases?sourceType=COMPLAINT&sourceRef=" + complaintNo).body();
        assertThat(bySource.get("items").findValuesAsText("caseNo")).containsExactly(caseNo);

        assertThat(post("supervisor", "/api/cases/" + id + "/filing", Map.of("approved", true)).status()).isEqualTo(403);
        Response filed = post("lead", "/api/cases/" + id + "/filing", Map.of("approved", true, "reason", "符合立案条件"));
        assertThat(filed.body().at("/supervisionCase/status").asText()).isEqualTo("INVESTIGATING");

        Response record = post("supervisor", "/api/cases/" + id + "/records", Map.of("kind", "INTERVIEW",
                "content", "询问执法人员张某，承认未告知听证权利。"));
        assertThat(record.status()).as(record.toString()).isEqualTo(201);
        Response finished = post("supervisor", "/api/cases/" + id + "/investigation/finish",
                Map.of("participants", List.of("supervisor", "lead")));
        assertThat(finished.body().at("/supervisionCase/status").asText()).isEqualTo("DELIBERATING");
        assertThat(finished.body().get("steps").findValuesAsText("assignee")).containsExactlyInAnyOrder("supervisor", "lead");

        post("supervisor", "/api/cases/" + id + "/deliberation/opinion", Map.of("opinion", "建议制发监督建议书。"));
        Response added = post("lead", "/api/cases/" + id + "/deliberation/participants", Map.of("userId", "legal"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.body().get("steps").findValuesAsText("assignee")).containsExactlyInAnyOrder("lead", "legal");
        post("lead", "/api/cases/" + id + "/deliberation/opinion", Map.of("opinion", "同意，并移送线索。"));
        Response last = post("legal", "/api/cases/" + id + "/deliberation/opinion", Map.of("opinion", "程序违法事实清楚。"));
        assertThat(last.body().get("participants").findValuesAsText("opinion")).hasSize(3);
        assertThat(last.body().get("steps").findValuesAsText("taskKey")).containsExactly("Task_RecordDecision");

        Response invalid = post("supervisor", "/api/cases/" + id + "/decision", Map.of("minutes", "纪要", "closeNoFinding", true,
                "clueTransfer", "移送"));
        assertThat(invalid.code()).isEqualTo("INVALID_DECISION");
        Map<String, Object> letter = Map.of("agencyCode", "HBJ", "title", "关于依法告知听证权利的监督建议书",
                "body", "你单位在行政处罚中未告知当事人听证权利。", "rectificationRequired", false);
        // a transfer decided without the clue's details, or with an unknown category, changes nothing
        Response noDetails = post("supervisor", "/api/cases/" + id + "/decision", Map.of("minutes", "纪要",
                "closeNoFinding", false, "letters", List.of(letter), "clueTransfer", "建议移送纪委监委。"));
        assertThat(noDetails.status()).isEqualTo(400);
        assertThat(noDetails.code()).isEqualTo("CLUE_DETAILS_REQUIRED");
        Response unknownCategory = post("supervisor", "/api/cases/" + id + "/decision", Map.of("minutes", "纪要",
                "closeNoFinding", false, "letters", List.of(letter), "clue", Map.of("categoryCode", "NO_SUCH",
                        "facts", "执法人员张某未告知听证权利。", "personsInvolved", "张某")));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.code()).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_letter WHERE case_no = ?", Long.class, caseNo))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clue WHERE source_no = ?", Long.class, caseNo)).isZero();
        assertThat(get("supervisor", "/api/cases/" + id).body().get("steps").findValuesAsText("taskKey"))
                .containsExactly("Task_RecordDecision");

        Response decided = post("supervisor", "/api/cases/" + id + "/decision", Map.of(
                "minutes", "经集体研究，一致认为处罚程序违法。", "closeNoFinding", false,
                "letters", List.of(letter),
                "clueTransfer", "执法人员张某涉嫌违反法定程序，建议移送纪委监委。",
                "correctiveDecision", "撤销你单位作出的生态环境行政处罚决定，重新依法作出。",
                "clue", Map.of("categoryCode", "ILLEGAL_PROCEDURE", "facts", "执法人员张某在行政处罚中未告知当事人听证权利。",
                        "personsInvolved", "张某（执法大队队员）")));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.body().at("/supervisionCase/status").asText()).isEqualTo("EXECUTING");
        assertThat(decided.body().get("letters")).hasSize(1);
        // the decided transfer is proposed in the same transaction: its legal review is open, the case is its source
        JsonNode caseClues = decided.body().get("clues");
        assertThat(caseClues).hasSize(1);
        String clueNo = caseClues.get(0).get("clueNo").asText();
        long clueId = caseClues.get(0).get("id").asLong();
        JsonNode clue = get("legal", "/api/clues/" + clueId).body();
        assertThat(clue.get("status").asText()).isEqualTo("LEGAL_REVIEW");
        assertThat(clue.at("/source/type").asText()).isEqualTo("CASE");
        assertThat(clue.at("/source/no").asText()).isEqualTo(caseNo);
        assertThat(clue.at("/agency/code").asText()).isEqualTo("HBJ");
        // need to know: the agency concerned never sees it, nor does a supervisor who does not handle it
        assertThat(get("agency-hbj", "/api/clues/" + clueId).status()).isEqualTo(404);
        assertThat(get("supervisor2", "/api/clues/" + clueId).status()).isEqualTo(404);
        assertThat(get("supervisor2", "/api/cases/" + id).body().get("clues")).isEmpty();
        assertThat(get("agency-hbj", "/api/cases/" + id).toString()).doesNotContain(clueNo);
        long letterId = decided.body().get("letters").get(0).get("id").asLong();
        // the corrective decision is numbered, rendered and served on the agency in the decision's transaction
        JsonNode corrective = decided.body().get("documents").get(0);
        assertThat(corrective.get("docType").asText()).isEqualTo("CORRECTIVE_DECISION");
        assertThat(corrective.get("docNo").asText()).matches("市司监纠〔\\d{4}〕[1-9]\\d*号");
        assertThat(get("agency-hbj", "/api/cases/" + id).body().get("documents").findValuesAsText("docNo"))
                .containsExactly(corrective.get("docNo").asText());
        Response served = get("agency-hbj", "/api/cases/" + id + "/documents/" + corrective.get("id").asLong());
        assertThat(served.status()).isEqualTo(200);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(served.bytes()));
             XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertThat(text.getText()).contains(corrective.get("docNo").asText(), "市生态环境局：",
                    "撤销你单位作出的生态环境行政处罚决定", "行政执法监督纠正决定书");
        }
        assertThat(get("agency-scj", "/api/cases/" + id + "/documents/" + corrective.get("id").asLong()).status())
                .isEqualTo(404);

        // isolation: another agency does not see the case; the agency concerned sees no internal parts
        assertThat(get("agency-scj", "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(get("agency-scj", "/api/cases?size=100").body().get("items").findValuesAsText("caseNo"))
                .doesNotContain(caseNo);
        JsonNode agencyView = get("agency-hbj", "/api/cases/" + id).body();
        assertThat(agencyView.at("/supervisionCase/minutes").isNull()).isTrue();
        assertThat(agencyView.at("/supervisionCase/clueTransfer").isNull()).isTrue();
        assertThat(agencyView.get("participants")).isEmpty();
        assertThat(agencyView.get("letters")).isEmpty();
        assertThat(agencyView.get("clues")).isEmpty();

        // the letter runs as the case's called process; the case closes when it closes
        post("supervisor", "/api/letters/" + letterId + "/draft", Map.of("agencyCode", "HBJ",
                "title", "关于依法告知听证权利的监督建议书", "body", "你单位在行政处罚中未告知当事人听证权利。",
                "rectificationRequired", false));
        post("legal", "/api/letters/" + letterId + "/legal-review", Map.of("passed", true));
        post("lead", "/api/letters/" + letterId + "/sign", Map.of("passed", true));
        assertThat(get("agency-hbj", "/api/cases/" + id).body().get("letters")).hasSize(1);
        post("agency-hbj", "/api/letters/" + letterId + "/receive", null);
        post("agency-hbj", "/api/letters/" + letterId + "/reply", Map.of("text", "已重新告知并组织听证。"));
        assertThat(get("supervisor", "/api/cases/" + id).body().at("/supervisionCase/status").asText()).isEqualTo("EXECUTING");
        post("supervisor", "/api/letters/" + letterId + "/reply-review", Map.of("passed", true));
        JsonNode closed = get("auditor", "/api/cases/" + id).body();
        assertThat(closed.at("/supervisionCase/status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("decisions").findValuesAsText("step")).containsExactly("FILING", "DECISION");
        assertThat(closed.get("letters").get(0).get("status").asText()).isEqualTo("CLOSED");

        // one trace: the case, the letter it called, the letter's document
        JsonNode trace = get("auditor", "/api/trace/" + caseNo).body();
        assertThat(trace.get("agencyCode").asText()).isEqualTo("HBJ");
        assertThat(trace.get("processes").findValuesAsText("processKey"))
                .contains("supervision-case", "supervision-letter");
        assertThat(trace.get("documents").findValuesAsText("docType")).contains("SUGGESTION_LETTER");
        assertThat(trace.get("entries").findValuesAsText("recordNo")).contains(caseNo);
        // the complaint's trace will include the case, and the case's the complaint
        assertThat(traceLinks.stream().flatMap(links -> links.linkedBusinessKeys(complaintNo).stream())).contains(caseNo);
        assertThat(traceLinks.stream().flatMap(links -> links.linkedBusinessKeys(caseNo).stream())).contains(complaintNo);
    }

    @Test
    void leadMayRefuseToFile() {
        Response opened = post("supervisor", "/api/cases", Map.of("sourceType", "ROUTINE_INSPECTION",
                "agencyCode", "CGW", "title", "日常检查发现的问题", "summary", "检查发现执法记录不全。"));
        long id = opened.body().at("/supervisionCase/id").asLong();
        assertThat(post("lead", "/api/cases/" + id + "/filing", Map.of("approved", false)).code()).isEqualTo("FIELD_REQUIRED");
        Response refused = post("lead", "/api/cases/" + id + "/filing", Map.of("approved", false, "reason", "不属于监督范围"));
        assertThat(refused.body().at("/supervisionCase/status").asText()).isEqualTo("NOT_FILED");
        assertThat(refused.body().get("steps")).isEmpty();
    }
}
