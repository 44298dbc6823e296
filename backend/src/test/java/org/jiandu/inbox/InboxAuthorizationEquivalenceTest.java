package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 我的待办 and 待认领 run without the engine's authorization join (docs/PERFORMANCE.md "Scenario 3"). For every demo
 * user they must show exactly what the engine's authorized task query shows that user: the same tasks, the same
 * totals and badge counts, on tasks of two agencies in every step of the test process (candidate groups
 * supervisor, lead, an agency's organisation; claimed and unclaimed) and a clue about one agency, whose legal
 * review that agency must never see.
 */
class InboxAuthorizationEquivalenceTest extends IntegrationTest {

    private static final Map<String, Object> VALID = Map.of("values", Map.of("opinion", "已核实", "decision", "agree"));
    private static final List<String> DEMO_USERS = List.of("admin", "integration", "clerk", "supervisor", "supervisor2",
            "lead", "legal", "auditor", "discipline", "agency-scj", "agency-hbj");

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void deploy() {
        InboxTestProcesses.deploy(engine);
    }

    @Test
    void everyDemoUserSeesInEachTaskViewWhatTheEngineAuthorizes() {
        for (String agency : List.of("SCJ", "HBJ")) {
            InboxTestProcesses.start(engine, agency); // 承办, candidate supervisor
            String handled = InboxTestProcesses.start(engine, agency);
            claim("supervisor", InboxTestProcesses.taskOf(engine, handled)); // 承办, assignee supervisor
            String reviewed = InboxTestProcesses.start(engine, agency);
            toReview(reviewed); // 审核, candidate lead
            String claimedReview = InboxTestProcesses.start(engine, agency);
            toReview(claimedReview);
            claim("lead", InboxTestProcesses.taskOf(engine, claimedReview)); // 审核, assignee lead
            String replying = InboxTestProcesses.start(engine, agency);
            toReply(replying); // 部门回复, candidate org-<agency>
            String claimedReply = InboxTestProcesses.start(engine, agency);
            toReply(claimedReply);
            claim("agency-" + agency.toLowerCase(), InboxTestProcesses.taskOf(engine, claimedReply));
        }
        Response clue = post("supervisor", "/api/clues", Map.of("categoryCode", "BRIBERY", "facts", "收受财物。",
                "personsInvolved", "某人", "agencyCode", "SCJ"));
        assertThat(clue.status()).as(clue.toString()).isEqualTo(201);
        String clueNo = clue.body().get("clueNo").asText();
        String clueTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(clueNo).singleResult()
                .getId();

        for (String user : DEMO_USERS) {
            for (Inbox.View view : List.of(Inbox.View.MINE, Inbox.View.CLAIMABLE)) {
                Authorized expected = authorized(user, view);
                // the premise itself, not only its outcome (the page would fall back to the engine's check)
                assertThat(unchecked(user, view)).as(user + " " + view + " unchecked").isEqualTo(expected.ids());
                Shown shown = shown(user, view);
                assertThat(shown.ids()).as(user + " " + view).isEqualTo(expected.ids());
                assertThat(shown.total()).as(user + " " + view + " total").isEqualTo(expected.count());
                assertThat(badge(user, view)).as(user + " " + view + " badge").isEqualTo(expected.count());
            }
        }
        // the data set is not empty where it matters: the clue's reviewer sees it, its agency does not
        assertThat(shown("legal", Inbox.View.CLAIMABLE).ids()).contains(clueTask);
        for (Inbox.View view : List.of(Inbox.View.MINE, Inbox.View.CLAIMABLE)) {
            assertThat(shown("agency-scj", view).ids()).as(view.name()).doesNotContain(clueTask);
        }
        assertThat(shown("agency-scj", Inbox.View.CLAIMABLE).ids()).isNotEmpty();
        assertThat(shown("agency-hbj", Inbox.View.MINE).ids()).isNotEmpty()
                .doesNotContainAnyElementsOf(shown("agency-scj", Inbox.View.MINE).ids());
    }

    private record Authorized(Set<String> ids, long count) {
    }

    private record Shown(Set<String> ids, long total) {
    }

    /** The engine's task query of the view as it ran before: the user authenticated, the authorization join on. */
    private Authorized authorized(String user, Inbox.View view) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            TaskQuery query = engine.getTaskService().createTaskQuery();
            if (view == Inbox.View.MINE) {
                query.taskAssignee(user);
            } else {
                query.taskUnassigned().taskCandidateGroupIn(groups);
            }
            Set<String> ids = new HashSet<>();
            query.list().forEach(task -> ids.add(task.getId()));
            return new Authorized(ids, query.count());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The same query with no authenticated user, so without the authorization join. */
    private Set<String> unchecked(String user, Inbox.View view) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        TaskQuery query = engine.getTaskService().createTaskQuery();
        if (view == Inbox.View.MINE) {
            query.taskAssignee(user);
        } else {
            query.taskUnassigned().taskCandidateGroupIn(groups);
        }
        Set<String> ids = new HashSet<>();
        query.list().forEach(task -> ids.add(task.getId()));
        return ids;
    }

    /** Every page of the view through /api/tasks. */
    private Shown shown(String user, Inbox.View view) {
        Set<String> ids = new HashSet<>();
        long total = -1;
        for (int page = 0; ; page++) {
            Response response = get(user, "/api/tasks?view=" + view + "&size=100&page=" + page);
            assertThat(response.status()).as(user + " " + response).isEqualTo(200);
            total = response.body().get("total").asLong();
            List<String> items = new ArrayList<>();
            response.body().get("items").forEach(item -> items.add(item.get("id").asText()));
            ids.addAll(items);
            if (items.size() < 100) {
                return new Shown(ids, total);
            }
        }
    }

    private long badge(String user, Inbox.View view) {
        JsonNode counts = get(user, "/api/tasks/counts").body();
        return counts.get(view == Inbox.View.MINE ? "mine" : "claimable").asLong();
    }

    private void claim(String user, String taskId) {
        Response claimed = post(user, "/api/tasks/" + taskId + "/claim", null);
        assertThat(claimed.status()).as(user + " claims " + claimed).isEqualTo(200);
    }

    private void toReview(String businessKey) {
        String handle = InboxTestProcesses.taskOf(engine, businessKey);
        claim("supervisor2", handle);
        assertThat(post("supervisor2", "/api/tasks/" + handle + "/complete", VALID).status()).isEqualTo(200);
    }

    private void toReply(String businessKey) {
        toReview(businessKey);
        String review = InboxTestProcesses.taskOf(engine, businessKey);
        claim("lead", review);
        assertThat(post("lead", "/api/tasks/" + review + "/complete", Map.of("values", Map.of())).status())
                .isEqualTo(200);
    }
}
