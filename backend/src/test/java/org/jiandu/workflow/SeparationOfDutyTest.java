package org.jiandu.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * "Not the person who did X", on the feature's endpoint and on {@code /api/tasks} alike: a clue's proposer may not
 * approve its transfer, a letter's drafter may not sign it (403 {@code SAME_PERSON_FORBIDDEN}, nothing changed);
 * another lead may.
 */
class SeparationOfDutyTest extends IntegrationTest {

    @Autowired
    TaskService taskService;

    private static final String SECRET = "chief-secret-1";
    private String both;

    /** A section chief who is also a supervisor: may propose, draft, approve and sign, but not the same record twice. */
    @BeforeEach
    void chiefWhoAlsoSupervises() {
        both = "chief-" + System.nanoTime() % 1_000_000_000L;
        Response created = post("admin", "/api/admin/users", Map.of("userId", both, "displayName", "孙副科长",
                "password", SECRET, "orgCode", "SFJ-JDK", "roles", List.of("supervisor", "lead")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** A call as the chief, who has a password of their own. */
    private Response asChief(String path, Object body) {
        return callWithPassword(HttpMethod.POST, both, SECRET, path, body);
    }

    @Test
    void whoeverProposesAClueMayNotApproveIt() {
        Response proposed = asChief("/api/clues", Map.of("categoryCode", "ILLEGAL_PROCEDURE",
                "facts", "执法人员未出示执法证件。", "personsInvolved", "张某", "agencyCode", "SCJ"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long id = proposed.body().get("id").asLong();
        String clueNo = proposed.body().get("clueNo").asText();
        assertThat(post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "同意。"))
                .status()).isEqualTo(200);

        Response mine = asChief("/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意移送。"));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(403);
        assertThat(mine.code()).isEqualTo("SAME_PERSON_FORBIDDEN");
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(clueNo).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_LeadApproval");
        assertThat(approval.getAssignee()).as("the refused claim rolled back").isNull();

        assertThat(asChief("/api/tasks/" + approval.getId() + "/claim", null).status()).isEqualTo(200);
        Response inbox = asChief("/api/tasks/" + approval.getId() + "/complete",
                Map.of("values", Map.of("leadApproved", true, "leadOpinion", "同意移送。")));
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(403);
        assertThat(inbox.code()).isEqualTo("SAME_PERSON_FORBIDDEN");
        assertThat(get("lead", "/api/clues/" + id).body().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(asChief("/api/tasks/" + approval.getId() + "/unclaim", null).status()).isEqualTo(200);

        Response other = post("lead", "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意移送。"));
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        assertThat(other.body().get("status").asText()).isEqualTo("TRANSFERRED");
    }

    @Test
    void whoeverDraftsALetterMayNotSignIt() {
        Response created = asChief("/api/letters", Map.of("agencyCode", "SCJ", "source", "DIRECT",
                "title", "关于规范执法的监督建议书", "body", "请依法纠正。", "rectificationRequired", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.body().at("/letter/id").asLong();
        assertThat(asChief("/api/letters/" + id + "/draft", Map.of("agencyCode", "SCJ", "title", "关于规范执法的监督建议书",
                "body", "请依法纠正。", "rectificationRequired", false)).status()).isEqualTo(200);
        assertThat(post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", true)).status()).isEqualTo(200);

        Response mine = asChief("/api/letters/" + id + "/sign", Map.of("passed", true));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(403);
        assertThat(mine.code()).isEqualTo("SAME_PERSON_FORBIDDEN");
        assertThat(get("lead", "/api/letters/" + id).body().at("/letter/status").asText()).isEqualTo("SIGNING");

        Response lead = post("lead", "/api/letters/" + id + "/sign", Map.of("passed", true));
        assertThat(lead.status()).as(lead.toString()).isEqualTo(200);
        assertThat(lead.body().at("/letter/status").asText()).isEqualTo("SERVED");
    }
}
