package org.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jiandu.IntegrationTest;
import org.jiandu.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The webapps' engine API, the door behind Tasklist, tried as an agency or a staff member would try it: each
 * finding of the engine lock-down issue is refused, writes nothing, and the legitimate Tasklist work (an agency
 * answering its letter with the form) still goes through.
 */
class TasklistDoorTest extends IntegrationTest {

    private long letterId;
    private String letterNo;
    private String replyTask;

    /** A letter requiring rectification, served on SCJ and signed for: SCJ's reply step is open. */
    @BeforeEach
    void letterAwaitingTheAgencysReply() {
        String title = "关于规范行政处罚程序的监督建议书";
        String body = "经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。";
        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", "SCJ", "source", "DIRECT",
                "title", title, "body", body, "rectificationRequired", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        letterId = created.body().at("/letter/id").asLong();
        letterNo = created.body().at("/letter/letterNo").asText();
        assertThat(post("supervisor", "/api/letters/" + letterId + "/draft", Map.of("agencyCode", "SCJ", "title", title,
                "body", body, "rectificationRequired", true)).status()).isEqualTo(200);
        assertThat(post("legal", "/api/letters/" + letterId + "/legal-review", Map.of("passed", true)).status()).isEqualTo(200);
        assertThat(post("lead", "/api/letters/" + letterId + "/sign", Map.of("passed", true)).status()).isEqualTo(200);
        assertThat(post("agency-scj", "/api/letters/" + letterId + "/receive", null).status()).isEqualTo(200);
        replyTask = jdbc.queryForObject("SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
                + " WHERE e.BUSINESS_KEY_ = ? AND t.TASK_DEF_KEY_ = 'Task_ReplyLetter'", String.class, letterNo);
    }

    @Test
    void noFilterWithAnExpressionIsSavedOrRun() throws Exception {
        int filters = count("ACT_RU_FILTER");
        String filter = """
                {"resourceType":"Task","name":"x","owner":"agency-hbj",
                 "query":{"assigneeExpression":"${jdbcTemplate.update(\\"delete from notification\\").toString()}"}}""";
        WebappSession agency = WebappSession.login(port, "agency-hbj", PASSWORD);
        assertThat(agency.engine("POST", "filter/create", filter).status()).isEqualTo(403);
        WebappSession supervisor = WebappSession.login(port, "supervisor", PASSWORD);
        assertThat(supervisor.engine("POST", "filter/create", filter).status()).isEqualTo(403);
        // an ad-hoc query with an expression is refused by the engine itself
        assertThat(agency.engine("POST", "task", "{\"assigneeExpression\":\"${currentUser()}\"}").status()).isEqualTo(400);
        assertThat(count("ACT_RU_FILTER")).isEqualTo(filters);
    }

    @Test
    void anAgencyChangesNoVariableAndDoesNotReRouteItsTask() throws Exception {
        WebappSession agency = WebappSession.login(port, "agency-scj", PASSWORD);
        String skip = "{\"modifications\":{\"rectificationRequired\":{\"value\":false,\"type\":\"Boolean\"}}}";
        assertThat(agency.engine("POST", "task/" + replyTask + "/variables", skip).status()).isEqualTo(403);
        assertThat(agency.engine("PUT", "task/" + replyTask + "/variables/rectificationRequired",
                "{\"value\":false,\"type\":\"Boolean\"}").status()).isEqualTo(403);
        String instance = jdbc.queryForObject("SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, replyTask);
        assertThat(agency.engine("POST", "process-instance/" + instance + "/variables", skip).status()).isEqualTo(403);
        assertThat(agency.engine("POST", "task/" + replyTask + "/assignee", "{\"userId\":\"agency-scj\"}").status())
                .isEqualTo(403);
        assertThat(agency.engine("POST", "task/" + replyTask + "/identity-links",
                "{\"groupId\":\"org-HBJ\",\"type\":\"candidate\"}").status()).isEqualTo(403);
        assertThat(agency.engine("PUT", "task/" + replyTask, "{\"name\":\"回复\",\"due\":\"2099-01-01T00:00:00.000+0800\"}")
                .status()).isEqualTo(403);
        assertThat(agency.engine("POST", "signal", "{\"name\":\"anything\"}").status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, replyTask)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ? AND GROUP_ID_ = 'org-HBJ'",
                Integer.class, replyTask)).isZero();
        // refused means refused: nothing written, the audit chain intact
        assertThat(get("auditor", "/api/audit/verify").body().get("intact").asBoolean()).isTrue();

        // what Tasklist is for still works: the agency answers with the form, and the rectification follows
        assertThat(agency.engine("POST", "task/" + replyTask + "/claim", "{\"userId\":\"agency-scj\"}").status()).isEqualTo(204);
        assertThat(agency.engine("POST", "task/" + replyTask + "/submit-form",
                "{\"variables\":{\"replyText\":{\"value\":\"收到，将制定整改方案。\"}}}").status()).isEqualTo(204);
        Response accepted = post("supervisor", "/api/letters/" + letterId + "/reply-review", Map.of("passed", true));
        assertThat(accepted.body().at("/letter/status").asText()).as(accepted.toString()).isEqualTo("RECTIFYING");
        assertThat(get("agency-scj", "/api/rectifications?letterId=" + letterId).body().get("items")).hasSize(1);
    }

    @Test
    void aCompletionSetsOnlyTheFieldsOfItsForm() throws Exception {
        WebappSession agency = WebappSession.login(port, "agency-scj", PASSWORD);
        WebappSession.Answer refused = agency.engine("POST", "task/" + replyTask + "/submit-form",
                "{\"variables\":{\"replyText\":{\"value\":\"写到别人的建议书上\"},\"letterId\":{\"value\":1,\"type\":\"Long\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("letterId");

        assertThat(post("agency-scj", "/api/tasks/" + replyTask + "/claim", null).status()).isEqualTo(200);
        Response viaApi = post("agency-scj", "/api/tasks/" + replyTask + "/complete",
                Map.of("values", Map.of("replyText", "回复", "rectificationRequired", false)));
        assertThat(viaApi.status()).as(viaApi.toString()).isEqualTo(400);
        assertThat(viaApi.contentType()).isEqualTo("application/problem+json");
        assertThat(viaApi.code()).isEqualTo("FIELD_NOT_ALLOWED");
        assertThat(viaApi.body().at("/detail").asText()).contains("rectificationRequired");
        assertThat(viaApi.body().at("/fields/rectificationRequired").isTextual()).isTrue();

        Response viaEngineRest = post("admin", "/engine-rest/task/" + replyTask + "/complete",
                Map.of("variables", Map.of("replyText", Map.of("value", "回复"), "letterId", Map.of("value", 1, "type", "Long"))));
        assertThat(viaEngineRest.status()).as(viaEngineRest.toString()).isEqualTo(400);
        assertThat(viaEngineRest.code()).isEqualTo("FIELD_NOT_ALLOWED");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", Integer.class, replyTask)).isEqualTo(1);
        JsonNode letter = get("supervisor", "/api/letters/" + letterId).body();
        assertThat(letter.at("/letter/status").asText()).isEqualTo("RECEIVED");
        assertThat(letter.get("replies")).isEmpty();
    }

    @Test
    void nobodyStartsAProcessByHand() throws Exception {
        WebappSession supervisor = WebappSession.login(port, "supervisor2", PASSWORD);
        String start = "{\"businessKey\":\"" + letterNo + "\"}";
        for (String process : new String[] {"clue-transfer", "complaint-handling", "supervision-case", "supervision-letter"}) {
            assertThat(supervisor.engine("POST", "process-definition/key/" + process + "/start", start).status())
                    .as(process).isEqualTo(403);
            assertThat(supervisor.engine("POST", "process-definition/key/" + process + "/submit-form", start).status())
                    .as(process).isEqualTo(403);
        }
        // Tasklist's 发起流程 lists no process
        WebappSession.Answer startable = supervisor.engine("GET",
                "process-definition?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true", null);
        assertThat(startable.status()).isEqualTo(200);
        assertThat(json.readTree(startable.body())).isEmpty();
        // not even an admin starts one through the engine's REST API
        assertThat(post("admin", "/engine-rest/process-definition/key/supervision-letter/start",
                Map.of("businessKey", letterNo)).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", Integer.class, letterNo))
                .isEqualTo(1);
    }

    @Test
    void accountsCannotBeListedOrTheirPasswordsTried() throws Exception {
        WebappSession agency = WebappSession.login(port, "agency-hbj", PASSWORD);
        assertThat(agency.engine("POST", "identity/verify", "{\"username\":\"admin\",\"password\":\"demo\"}").status())
                .isEqualTo(403);
        assertThat(agency.engine("GET", "user", null).status()).isEqualTo(403);
        assertThat(agency.engine("GET", "user/count", null).status()).isEqualTo(403);
        assertThat(agency.engine("GET", "user/agency-hbj/profile", null).status()).isEqualTo(200);
    }

    @Test
    void theSharedFiltersShowEachUserTheirOwnTasks() throws Exception {
        Map<String, String> filters = new java.util.HashMap<>();
        jdbc.queryForList("SELECT ID_, NAME_ FROM ACT_RU_FILTER WHERE NAME_ IN ('全部待办', '我的待办', '组待办', '逾期')")
                .forEach(row -> filters.put((String) row.get("NAME_"), (String) row.get("ID_")));
        WebappSession scj = WebappSession.login(port, "agency-scj", PASSWORD);
        WebappSession hbj = WebappSession.login(port, "agency-hbj", PASSWORD);
        assertThat(taskIds(scj, filters.get("组待办"))).contains(replyTask);
        assertThat(taskIds(scj, filters.get("全部待办"))).contains(replyTask);
        assertThat(taskIds(scj, filters.get("我的待办"))).doesNotContain(replyTask);
        assertThat(taskIds(hbj, filters.get("组待办"))).doesNotContain(replyTask);
        assertThat(taskIds(hbj, filters.get("全部待办"))).doesNotContain(replyTask);

        assertThat(scj.engine("POST", "task/" + replyTask + "/claim", "{\"userId\":\"agency-scj\"}").status()).isEqualTo(204);
        assertThat(taskIds(scj, filters.get("我的待办"))).contains(replyTask);
        assertThat(taskIds(scj, filters.get("全部待办"))).contains(replyTask);
        assertThat(taskIds(scj, filters.get("组待办"))).doesNotContain(replyTask);
        assertThat(taskIds(hbj, filters.get("我的待办"))).doesNotContain(replyTask);
        WebappSession.Answer count = scj.engine("GET", "filter/" + filters.get("我的待办") + "/count", null);
        assertThat(json.readTree(count.body()).get("count").asInt()).isGreaterThanOrEqualTo(1);

        // 归还: the holder hands the task back to its group; nobody else can
        assertThat(hbj.engine("POST", "task/" + replyTask + "/unclaim", null).status()).isEqualTo(403);
        assertThat(scj.engine("POST", "task/" + replyTask + "/unclaim", null).status()).isEqualTo(204);
        assertThat(taskIds(scj, filters.get("组待办"))).contains(replyTask);
    }

    private java.util.List<String> taskIds(WebappSession session, String filterId) throws Exception {
        WebappSession.Answer answer = session.engine("POST", "filter/" + filterId + "/list?firstResult=0&maxResults=200",
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).findValuesAsText("id");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
