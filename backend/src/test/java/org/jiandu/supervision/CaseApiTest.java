package org.jiandu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
    void caseFromAComplaintClosesWhenItsLetterHasClosed() {
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
        Response decided = post("supervisor", "/api/cases/" + id + "/decision", Map.of(
                "minutes", "经集体研究，一致认为处罚程序违法。", "closeNoFinding", false,
                "letters", List.of(Map.of("agencyCode", "HBJ", "title", "关于依法告知听证权利的监督建议书",
                        "body", "你单位在行政处罚中未告知当事人听证权利。", "rectificationRequired", false)),
                "clueTransfer", "执法人员张某涉嫌违反法定程序，建议移送纪委监委。"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.body().at("/supervisionCase/status").asText()).isEqualTo("EXECUTING");
        assertThat(decided.body().get("letters")).hasSize(1);
        long letterId = decided.body().get("letters").get(0).get("id").asLong();

        // isolation: another agency does not see the case; the agency concerned sees no internal parts
        assertThat(get("agency-scj", "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(get("agency-scj", "/api/cases?size=100").body().get("items").findValuesAsText("caseNo"))
                .doesNotContain(caseNo);
        JsonNode agencyView = get("agency-hbj", "/api/cases/" + id).body();
        assertThat(agencyView.at("/supervisionCase/minutes").isNull()).isTrue();
        assertThat(agencyView.at("/supervisionCase/clueTransfer").isNull()).isTrue();
        assertThat(agencyView.get("participants")).isEmpty();
        assertThat(agencyView.get("letters")).isEmpty();

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
