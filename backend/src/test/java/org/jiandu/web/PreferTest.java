package org.jiandu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * {@code Prefer: return=minimal} (RFC 7240): an action answers 204 without reading the record back, and does
 * exactly what it does without the header; a refusal is the same problem+json either way.
 */
class PreferTest extends IntegrationTest {

    @Test
    void theReturnPreferenceIsReadAsRfc7240Says() {
        assertThat(Prefer.of("return=minimal").minimal()).isTrue();
        assertThat(Prefer.of("RETURN = \"Minimal\"; foo=bar").minimal()).isTrue();
        assertThat(Prefer.of("respond-async, wait=10", "return=minimal").minimal()).isTrue();
        assertThat(Prefer.of("return=representation, return=minimal").minimal()).as("the first of two counts").isFalse();
        assertThat(Prefer.of("return=representation").minimal()).isFalse();
        assertThat(Prefer.of("returnminimal", "return").minimal()).isFalse();
        assertThat(Prefer.of((String[]) null).minimal()).isFalse();
    }

    @Test
    void aComplaintStepAnswers204WithoutItsDetailAndStillMovesTheComplaint() {
        long id = registerComplaint();
        String firstTask = currentTask(id);

        Response refused = complete(id, firstTask, Map.of("acceptanceDecision", "MAYBE"), "return=minimal");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.code()).isEqualTo("VALUE_NOT_ALLOWED");
        assertThat(currentTask(id)).as("a refused step stays open").isEqualTo(firstTask);

        Response done = complete(id, firstTask, Map.of("acceptanceDecision", "ACCEPT"), "return=minimal");
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        assertThat(done.bytes()).isEmpty();
        assertThat(done.headers().getFirst("Preference-Applied")).isEqualTo("return=minimal");
        Response detail = get("clerk", "/api/complaints/" + id);
        assertThat(detail.body().at("/currentSteps/0/taskKey").asText()).isEqualTo("Task_ApproveAcceptance");

        Response withState = complete(id, currentTask(id), Map.of("acceptanceApproved", true), "return=representation");
        assertThat(withState.status()).as(withState.toString()).isEqualTo(200);
        assertThat(withState.headers().getFirst("Preference-Applied")).isNull();
        assertThat(withState.body().at("/currentSteps/0/taskKey").asText()).isEqualTo("Task_AssignSupervisor");
    }

    @Test
    void aLetterActionAnswers204AndTheLetterMovesAsWithoutTheHeader() {
        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", "SCJ", "source", "DIRECT",
                "title", "关于规范行政处罚程序的监督建议书", "body", "经查，你单位存在未依法告知陈述申辩权利的问题。",
                "rectificationRequired", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.body().at("/letter/id").asLong();

        Response drafted = action("supervisor", "/api/letters/" + id + "/draft", Map.of("agencyCode", "SCJ",
                "title", "关于规范行政处罚程序的监督建议书", "body", "经查，你单位存在未依法告知陈述申辩权利的问题。",
                "rectificationRequired", false), "return=minimal");
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(204);
        assertThat(get("supervisor", "/api/letters/" + id).body().at("/letter/status").asText())
                .isEqualTo("LEGAL_REVIEW");

        Response wrongRole = action("supervisor", "/api/letters/" + id + "/legal-review", Map.of("passed", true),
                "return=minimal");
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.code()).isEqualTo("FORBIDDEN");
        assertThat(get("supervisor", "/api/letters/" + id).body().at("/letter/status").asText())
                .isEqualTo("LEGAL_REVIEW");
    }

    @Test
    void aClueActionAnswers204AndTheClueMovesAsWithoutTheHeader() {
        Response proposed = post("supervisor", "/api/clues", Map.of("categoryCode", "ILLEGAL_CHARGES",
                "facts", "违规收取检测费用。", "personsInvolved", "钱某"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long id = proposed.body().get("id").asLong();

        Response wrongRole = action("supervisor", "/api/clues/" + id + "/legal-review",
                Map.of("passed", true, "opinion", "同意。"), "return=minimal");
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.contentType()).isEqualTo("application/problem+json");
        assertThat(get("supervisor", "/api/clues/" + id).body().get("status").asText()).isEqualTo("LEGAL_REVIEW");

        Response reviewed = action("legal", "/api/clues/" + id + "/legal-review",
                Map.of("passed", true, "opinion", "同意。"), "return=minimal");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(204);
        assertThat(reviewed.bytes()).isEmpty();
        assertThat(reviewed.headers().getFirst("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(get("supervisor", "/api/clues/" + id).body().get("status").asText()).isEqualTo("AWAITING_APPROVAL");

        Response approved = action("lead", "/api/clues/" + id + "/approval",
                Map.of("approved", true, "opinion", "同意。"), "return=representation");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("TRANSFERRED");
    }

    private long registerComplaint() {
        Response created = post("clerk", "/api/complaints", Map.of("source", "VISIT", "anonymous", false,
                "complainantName", "王五", "complainantPhone", "13800000000", "agencyCode", "SCJ", "fieldCode", "MARKET",
                "occurredOn", LocalDate.now().minusDays(3).toString(), "occurredPlace", "人民路农贸市场",
                "facts", "执法人员检查摊位时未出示执法证件。", "demands", "请求依法核查并纠正。"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private String currentTask(long id) {
        return get("clerk", "/api/complaints/" + id).body().at("/currentSteps/0/taskId").asText();
    }

    private Response complete(long id, String taskId, Map<String, Object> fields, String prefer) {
        String user = fields.containsKey("acceptanceDecision") ? "clerk" : "lead";
        return action(user, "/api/complaints/" + id + "/tasks/" + taskId + "/complete", fields, prefer);
    }

    private Response action(String user, String path, Object body, String prefer) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(Prefer.HEADER, prefer);
        return callWithHeaders(HttpMethod.POST, user, PASSWORD, path, body, headers);
    }
}
