package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

class InboxTest extends IntegrationTest {

    private static final Map<String, Object> VALID = Map.of("values", Map.of("opinion", "已核实", "decision", "agree"));

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void deploy() {
        InboxTestProcesses.deploy(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- views and filters ----

    @Test
    void claimableViewFiltersSortsAndCounts() {
        String scj = InboxTestProcesses.start(engine, "SCJ");
        // a later creation time, also where the database keeps whole seconds only
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plusSeconds(5)));
        String hbj = InboxTestProcesses.start(engine, "HBJ");
        ClockUtil.reset();

        JsonNode page = list("supervisor", "view=CLAIMABLE&processKey=inbox-test&businessKey=" + scj);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode row = page.get("items").get(0);
        assertThat(row.get("title").asText()).isEqualTo("待办测试流程 " + scj);
        assertThat(row.get("businessKey").asText()).isEqualTo(scj);
        assertThat(row.get("agencyCode").asText()).isEqualTo("SCJ");
        assertThat(row.get("agencyName").asText()).isEqualTo("市市场监督管理局");
        assertThat(row.get("stepName").asText()).isEqualTo("承办");
        assertThat(row.get("assignee").isNull()).isTrue();
        assertThat(row.get("created").asText()).isNotBlank();
        assertThat(row.get("due").asText()).isNotBlank();
        // due in 5 working days and the warning lead is 5 working days, but the task has just arrived: a task
        // is never yellow on the day it arrives, since yellow means "close to the due date", not "short term"
        assertThat(row.get("flag").asText()).isEqualTo("NONE");
        assertThat(page.get("counts").get("claimable").asLong()).isGreaterThanOrEqualTo(2);

        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&agency=HBJ&size=100")))
                .contains(hbj).doesNotContain(scj);
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&text=" + hbj.substring(3)))).containsExactly(hbj);
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&flag=YELLOW&size=100")))
                .doesNotContain(scj, hbj);
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&flag=RED&size=100")))
                .doesNotContain(scj, hbj);
        // the next day (still before the due date, within the lead): yellow, in the row and in the filter
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(Duration.ofDays(1))));
        assertThat(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&businessKey=" + scj).get("items").get(0)
                .get("flag").asText()).isEqualTo("YELLOW");
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&flag=YELLOW&size=100")))
                .contains(scj, hbj);
        ClockUtil.reset();
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&dueWithinDays=10&size=100")))
                .contains(scj, hbj);
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&dueWithinDays=1&size=100")))
                .doesNotContain(scj, hbj);

        // three weeks later both are overdue: red
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(Duration.ofDays(21))));
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&flag=RED&size=100")))
                .contains(scj, hbj);
        ClockUtil.reset();

        // sorting by creation: the later start first when descending, last when ascending
        List<String> desc = businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&sort=CREATED&order=desc&size=100"));
        List<String> asc = businessKeys(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&sort=CREATED&order=asc&size=100"));
        assertThat(desc.indexOf(hbj)).isLessThan(desc.indexOf(scj));
        assertThat(asc.indexOf(hbj)).isGreaterThan(asc.indexOf(scj));
        assertThat(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&sort=DUE&order=asc").get("items").size())
                .isGreaterThan(0);
        assertThat(list("supervisor", "view=CLAIMABLE&processKey=inbox-test&sort=PRIORITY").get("items").size())
                .isGreaterThan(0);

        // paging
        JsonNode first = list("supervisor", "view=CLAIMABLE&processKey=inbox-test&size=1&page=0");
        JsonNode second = list("supervisor", "view=CLAIMABLE&processKey=inbox-test&size=1&page=1");
        assertThat(first.get("items")).hasSize(1);
        assertThat(second.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("id")).isNotEqualTo(second.get("items").get(0).get("id"));

        // agencies and other roles do not see the supervisors' tasks
        assertThat(businessKeys(list("agency-scj", "view=CLAIMABLE&size=100"))).doesNotContain(scj);
        assertThat(businessKeys(list("lead", "view=CLAIMABLE&size=100"))).doesNotContain(scj);
        assertThat(get("supervisor", "/api/tasks?view=NOPE").status()).isEqualTo(400);
    }

    @Test
    void claimCompleteAndDoneView() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        long leadUnread = unread("lead");

        assertThat(post("supervisor", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        JsonNode mine = list("supervisor", "view=MINE&businessKey=" + key);
        assertThat(mine.get("items").get(0).get("assignee").asText()).isEqualTo("supervisor");
        assertThat(mine.get("items").get(0).get("assigneeName").asText()).isEqualTo("李明（监督员）");
        assertThat(businessKeys(list("supervisor", "view=CLAIMABLE&businessKey=" + key))).isEmpty();
        assertThat(businessKeys(list("supervisor2", "view=CLAIMABLE&businessKey=" + key))).isEmpty();

        // refusals: someone else's claimed task, a task of another group, completing without claiming
        assertThat(post("supervisor2", "/api/tasks/" + taskId + "/claim", null).code()).isEqualTo("TASK_ALREADY_CLAIMED");
        assertThat(post("supervisor2", "/api/tasks/" + taskId + "/complete", VALID).code()).isEqualTo("NOT_ASSIGNEE");
        assertThat(post("agency-scj", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(404);
        assertThat(post("supervisor", "/api/tasks/no-such-task/claim", null).status()).isEqualTo(404);

        // the form's rules: required fields and allowed values, nothing changes on refusal
        Response missing = post("supervisor", "/api/tasks/" + taskId + "/complete", Map.of("values", Map.of("opinion", "x")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("FORM_INVALID");
        assertThat(missing.body().get("detail").asText()).contains("处理结论");
        assertThat(missing.body().get("fields").get("decision").asText()).isEqualTo("“处理结论”为必填项");
        Response wrongValue = post("supervisor", "/api/tasks/" + taskId + "/complete",
                Map.of("values", Map.of("opinion", "x", "decision", "maybe")));
        assertThat(wrongValue.code()).isEqualTo("FORM_INVALID");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        assertThat(post("supervisor", "/api/tasks/" + taskId + "/complete", VALID).status()).isEqualTo(200);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult().getName())
                .isEqualTo("审核");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/complete", VALID).code()).isEqualTo("TASK_ALREADY_DONE");

        JsonNode done = list("supervisor", "view=DONE&businessKey=" + key);
        assertThat(done.get("total").asLong()).isEqualTo(1);
        assertThat(done.get("items").get(0).get("completed").asText()).isNotBlank();
        assertThat(done.get("items").get(0).get("agencyName").asText()).isEqualTo("市市场监督管理局");
        assertThat(done.get("counts").get("done").asLong()).isGreaterThanOrEqualTo(1);
        // 已办 is counted on its own page and by /api/tasks/counts, not with every page of another view
        assertThat(list("supervisor", "view=MINE").get("counts").get("done").isNull()).isTrue();
        assertThat(get("supervisor", "/api/tasks/counts").body().get("done").asLong())
                .isEqualTo(list("supervisor", "view=DONE").get("total").asLong());

        // the leads are told about the new review task
        assertThat(unread("lead")).isEqualTo(leadUnread + 1);
        assertThat(get("lead", "/api/notifications?unread=true&size=1").body().get("items").get(0).get("kind").asText())
                .isEqualTo("NEW_TASK");

        // the record's history names who did what
        JsonNode detail = get("supervisor", "/api/tasks/" + taskId).body();
        assertThat(detail.get("history").findValuesAsText("action")).contains("TASK_CLAIMED", "TASK_COMPLETED");
        assertThat(detail.get("history").findValuesAsText("actor")).contains("supervisor");
    }

    @Test
    void newTasksAreAnnouncedUnlessTheProcessDoesItItself() {
        long before = unread("supervisor2");
        InboxTestProcesses.start(engine, "SCJ");
        assertThat(unread("supervisor2")).isEqualTo(before + 1);
        assertThat(get("supervisor2", "/api/notifications?unread=true&size=1").body().get("items").get(0)
                .get("title").asText()).isEqualTo("新待办：承办");

        engine.getRuntimeService().startProcessInstanceByKey("inbox-test-own-notices", "OWN-" + System.nanoTime());
        assertThat(unread("supervisor2")).as(get("supervisor2", "/api/notifications?unread=true&size=3").toString())
                .isEqualTo(before + 1);
    }

    @Test
    void engineRestGetsTheSameFormValidation() {
        // /engine-rest is an admin's door; admins work the processes they are granted (the test process here)
        var authorizations = engine.getAuthorizationService();
        if (authorizations.createAuthorizationQuery().groupIdIn("admin").resourceType(Resources.PROCESS_DEFINITION)
                .resourceId("inbox-test").count() == 0) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId("admin");
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId("inbox-test");
            grant.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(grant);
        }
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);

        Response refused = post("admin", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("opinion", Map.of("value", "只有意见"))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("处理结论");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        Response accepted = post("admin", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("opinion", Map.of("value", "同意办理"), "decision", Map.of("value", "agree"))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
    }

    @Test
    void unclaimGivesTheTaskBackToTheGroup() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        post("supervisor", "/api/tasks/" + taskId + "/claim", null);
        assertThat(post("supervisor2", "/api/tasks/" + taskId + "/unclaim", null).code()).isEqualTo("NOT_ASSIGNEE");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(200);
        assertThat(businessKeys(list("supervisor2", "view=CLAIMABLE&businessKey=" + key))).containsExactly(key);
    }

    // ---- delegate, transfer, return ----

    @Test
    void delegateThenResolveThenOwnerCompletes() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        post("supervisor", "/api/tasks/" + taskId + "/claim", null);

        assertThat(post("supervisor2", "/api/tasks/" + taskId + "/delegate",
                Map.of("userId", "lead", "reason", "x")).status()).isIn(403, 404);
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/delegate",
                Map.of("userId", "supervisor2")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/delegate",
                Map.of("userId", "agency-hbj", "reason", "请协助")).code()).isEqualTo("TARGET_NOT_ALLOWED");
        long unread = unread("supervisor2");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/delegate",
                Map.of("userId", "supervisor2", "reason", "请协助核实现场")).status()).isEqualTo(200);
        assertThat(unread("supervisor2")).isEqualTo(unread + 1);

        JsonNode delegated = list("supervisor2", "view=MINE&businessKey=" + key).get("items").get(0);
        assertThat(delegated.get("owner").asText()).isEqualTo("supervisor");
        assertThat(delegated.get("delegationState").asText()).isEqualTo("PENDING");
        assertThat(post("supervisor2", "/api/tasks/" + taskId + "/complete", VALID).code()).isEqualTo("DELEGATION_PENDING");
        assertThat(post("supervisor2", "/api/tasks/" + taskId + "/resolve",
                Map.of("values", Map.of("opinion", "现场已核实"))).status()).isEqualTo(200);

        Task back = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        assertThat(back.getAssignee()).isEqualTo("supervisor");
        // the delegate's values reach the owner (a text such as an opinion is kept out of Camunda's history)
        assertThat(engine.getTaskService().getVariable(taskId, "opinion")).isEqualTo("现场已核实");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/complete",
                Map.of("values", Map.of("decision", "agree"))).status()).isEqualTo(200);
    }

    @Test
    void transferHandsTheTaskOverWithAReason() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        post("supervisor", "/api/tasks/" + taskId + "/claim", null);

        assertThat(post("supervisor2", "/api/tasks/" + taskId + "/transfer",
                Map.of("userId", "lead", "reason", "x")).code()).isEqualTo("NOT_ASSIGNEE");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/transfer",
                Map.of("userId", "nobody", "reason", "x")).code()).isEqualTo("TARGET_USER_NOT_FOUND");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/transfer",
                Map.of("userId", "supervisor2", "reason", "本人出差，转由赵强办理")).status()).isEqualTo(200);

        assertThat(businessKeys(list("supervisor2", "view=MINE&businessKey=" + key))).containsExactly(key);
        assertThat(businessKeys(list("supervisor", "view=MINE&businessKey=" + key))).isEmpty();
        JsonNode detail = get("supervisor2", "/api/tasks/" + taskId).body();
        assertThat(detail.get("comments").findValuesAsText("message")).anyMatch(m -> m.contains("本人出差"));
        JsonNode transferred = detail.get("history").findParents("action").stream()
                .filter(entry -> entry.get("action").asText().equals("TASK_TRANSFERRED")).findFirst().orElseThrow();
        assertThat(transferred.get("actor").asText()).isEqualTo("supervisor");
        assertThat(transferred.get("changes").asText()).contains("本人出差");
        assertThat(get("supervisor2", "/api/notifications?unread=true&size=1").body().get("items").get(0)
                .get("title").asText()).startsWith("转办待办");
    }

    @Test
    void returnGoesBackToThePreviousPerformerOnlyWhereModelled() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String handle = InboxTestProcesses.taskOf(engine, key);
        post("supervisor", "/api/tasks/" + handle + "/claim", null);
        assertThat(post("supervisor", "/api/tasks/" + handle + "/return", Map.of("reason", "无")).code())
                .isEqualTo("RETURN_NOT_MODELLED");
        post("supervisor", "/api/tasks/" + handle + "/complete", VALID);

        String review = InboxTestProcesses.taskOf(engine, key);
        post("lead", "/api/tasks/" + review + "/claim", null);
        assertThat(post("lead", "/api/tasks/" + review + "/return", Map.of()).code()).isEqualTo("VALIDATION_FAILED");
        long unread = unread("supervisor");
        Response returned = post("lead", "/api/tasks/" + review + "/return", Map.of("reason", "证据不足，请补充现场照片"));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);

        Task again = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult();
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_Handle");
        assertThat(again.getAssignee()).isEqualTo("supervisor");
        assertThat(returned.body().get("reopened").get(0).asText()).isEqualTo(again.getId());
        assertThat(unread("supervisor")).isGreaterThan(unread);
        JsonNode note = get("supervisor", "/api/notifications?unread=true&size=20").body().get("items");
        assertThat(note.findValuesAsText("kind")).contains("RETURNED");
        assertThat(get("supervisor", "/api/tasks/" + again.getId()).body().get("history").findValuesAsText("action"))
                .contains("TASK_RETURNED");
    }

    // ---- comment, urge, cc ----

    @Test
    void commentsUrgesOncePerWorkingDayAndCopies() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        post("supervisor", "/api/tasks/" + taskId + "/claim", null);

        assertThat(post("supervisor", "/api/tasks/" + taskId + "/comments", Map.of("message", "已电话联系投诉人")).status())
                .isEqualTo(200);
        assertThat(post("agency-scj", "/api/tasks/" + taskId + "/comments", Map.of("message", "x")).status())
                .isEqualTo(404);

        long unread = unread("supervisor");
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/urge", Map.of()).code()).isEqualTo("CANNOT_URGE_OWN_TASK");
        assertThat(post("agency-scj", "/api/tasks/" + taskId + "/urge", Map.of()).status()).isEqualTo(403);
        assertThat(post("lead", "/api/tasks/" + taskId + "/urge", Map.of("message", "请于今日内办结")).status())
                .isEqualTo(200);
        assertThat(unread("supervisor")).isEqualTo(unread + 1);
        assertThat(post("lead", "/api/tasks/" + taskId + "/urge", Map.of()).code()).isEqualTo("ALREADY_URGED_TODAY");
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(Duration.ofDays(4))));
        assertThat(post("lead", "/api/tasks/" + taskId + "/urge", Map.of()).status()).isEqualTo(200);
        ClockUtil.reset();

        assertThat(get("lead", "/api/tasks/" + taskId).status()).isEqualTo(200);
        assertThat(get("auditor", "/api/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/cc",
                Map.of("userIds", List.of("auditor"), "message", "请知悉")).status()).isEqualTo(200);
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/cc", Map.of("userIds", List.of("agency-hbj")))
                .code()).isEqualTo("TARGET_NOT_ALLOWED");
        JsonNode cc = list("auditor", "view=CC&businessKey=" + key);
        assertThat(cc.get("total").asLong()).isEqualTo(1);
        assertThat(cc.get("items").get(0).get("ccBy").asText()).isEqualTo("supervisor");
        assertThat(cc.get("items").get(0).get("ccRead").asBoolean()).isFalse();
        assertThat(cc.get("counts").get("cc").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(get("auditor", "/api/notifications?unread=true&size=1").body().get("items").get(0).get("kind").asText())
                .isEqualTo("CC");

        JsonNode detail = get("auditor", "/api/tasks/" + taskId).body();
        assertThat(detail.get("task").get("businessKey").asText()).isEqualTo(key);
        assertThat(detail.get("history").findValuesAsText("action")).contains("TASK_COMMENTED", "TASK_URGED", "TASK_CC");
        assertThat(list("auditor", "view=CC&businessKey=" + key).get("items").get(0).get("ccRead").asBoolean()).isTrue();
    }

    // ---- agencies ----

    @Test
    void agencyStaffSeeAndTouchOnlyTheirOwnAgencysTasks() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String handle = InboxTestProcesses.taskOf(engine, key);
        post("supervisor", "/api/tasks/" + handle + "/claim", null);
        post("supervisor", "/api/tasks/" + handle + "/complete", VALID);
        String review = InboxTestProcesses.taskOf(engine, key);
        post("lead", "/api/tasks/" + review + "/claim", null);
        post("lead", "/api/tasks/" + review + "/complete", Map.of("values", Map.of()));
        String reply = InboxTestProcesses.taskOf(engine, key);

        assertThat(businessKeys(list("agency-scj", "view=CLAIMABLE&businessKey=" + key))).containsExactly(key);
        assertThat(businessKeys(list("agency-hbj", "view=CLAIMABLE&businessKey=" + key))).isEmpty();
        assertThat(post("agency-hbj", "/api/tasks/" + reply + "/claim", null).status()).isEqualTo(404);
        assertThat(get("agency-hbj", "/api/tasks/" + reply).status()).isEqualTo(404);
        assertThat(post("agency-scj", "/api/tasks/" + reply + "/claim", null).status()).isEqualTo(200);
        assertThat(post("agency-scj", "/api/tasks/" + reply + "/transfer",
                Map.of("userId", "agency-hbj", "reason", "x")).code()).isEqualTo("TARGET_NOT_ALLOWED");
        assertThat(post("agency-scj", "/api/tasks/" + reply + "/complete", Map.of("values", Map.of("reviewNote", "已整改")))
                .status()).isEqualTo(200);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                .finished().count()).isEqualTo(1);
    }

    // ---- races ----

    @Test
    void twoClaimsAtOnceOneWinsTheOtherGets409() throws Exception {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        List<Integer> statuses = race(() -> post("supervisor", "/api/tasks/" + taskId + "/claim", null).status(),
                () -> post("supervisor2", "/api/tasks/" + taskId + "/claim", null).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String assignee = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
        assertThat(assignee).isIn("supervisor", "supervisor2");
        String processInstanceId = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()
                .getProcessInstanceId();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE record_type = 'WORKFLOW' AND record_no = ?"
                + " AND action = 'TASK_CLAIMED'", Integer.class, key)).isEqualTo(1);
        assertThat(processInstanceId).isNotNull();
    }

    @Test
    void twoCompletionsAtOnceOneWinsTheOtherGets409() throws Exception {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, key);
        post("supervisor", "/api/tasks/" + taskId + "/claim", null);
        List<Integer> statuses = race(() -> post("supervisor", "/api/tasks/" + taskId + "/complete", VALID).status(),
                () -> post("supervisor", "/api/tasks/" + taskId + "/complete", VALID).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list())
                .extracting(Task::getName).containsExactly("审核");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE record_type = 'WORKFLOW' AND record_no = ?"
                + " AND action = 'TASK_COMPLETED'", Integer.class, key)).isEqualTo(1);
    }

    // ---- Tasklist ----

    @Test
    void tasklistHasTheSharedFiltersForEveryRole() {
        Response filters = get("admin", "/engine-rest/filter?resourceType=Task");
        assertThat(filters.status()).isEqualTo(200);
        assertThat(filters.body().findValuesAsText("name")).contains("我的待办", "组待办", "逾期");
        // readable by every role; stored without expressions (a saved expression would be code run on the server)
        for (String filterId : filters.body().findValuesAsText("id")) {
            assertThat(jdbc.queryForObject("SELECT QUERY_ FROM ACT_RU_FILTER WHERE ID_ = ?", String.class, filterId))
                    .doesNotContain("${");
        }
        for (String role : List.of("supervisor", "lead", "agency")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 5 AND GROUP_ID_ = ?",
                    Integer.class, role)).isGreaterThanOrEqualTo(3);
        }
    }

    private List<Integer> race(Callable<Integer> first, Callable<Integer> second) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    barrier.await();
                    return call.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode list(String user, String query) {
        Response response = get(user, "/api/tasks?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> businessKeys(JsonNode page) {
        return page.get("items").findValuesAsText("businessKey");
    }

    private long unread(String user) {
        return get(user, "/api/notifications/unread-count").body().get("unread").asLong();
    }
}
