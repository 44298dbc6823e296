package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import db.migration.V7_16_1__InboxOpenTasksFromEngine;

/**
 * The inbox's index of open tasks ({@link OpenTasks}) follows every change of a task, whichever door made it (the
 * API's actions, the engine's task service behind /engine-rest and Tasklist), in the change's own transaction; a task that went without its listeners is neither shown nor kept; the migration that
 * fills the index on an existing database writes what the listener would have.
 */
class OpenTasksTest extends IntegrationTest {

    private static final Map<String, Object> VALID = Map.of("values", Map.of("opinion", "已核实", "decision", "agree"));

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    OpenTasks openTasks;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void deploy() {
        InboxTestProcesses.deploy(engine);
    }

    @Test
    void theIndexFollowsEveryChangeOfATaskWhateverTheDoor() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String task = InboxTestProcesses.taskOf(engine, key);
        assertThat(row(task)).containsEntry("audience", "g:supervisor").containsEntry("business_key", key)
                .containsEntry("agency_code", "SCJ").containsEntry("process_key", InboxTestProcesses.PROCESS);
        long claimable = badge("supervisor2", "claimable");
        long mine = badge("supervisor2", "mine");

        assertThat(post("supervisor2", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        assertThat(row(task)).containsEntry("audience", "u:supervisor2");
        assertThat(badge("supervisor2", "claimable")).isEqualTo(claimable - 1);
        assertThat(badge("supervisor2", "mine")).isEqualTo(mine + 1);
        assertThat(ids("supervisor2", "MINE", key)).containsExactly(task);
        assertThat(ids("supervisor", "CLAIMABLE", key)).isEmpty();

        assertThat(post("supervisor2", "/api/tasks/" + task + "/unclaim", null).status()).isEqualTo(200);
        assertThat(row(task)).containsEntry("audience", "g:supervisor");
        assertThat(badge("supervisor2", "mine")).isEqualTo(mine);

        // a candidate group added and removed through the engine's task service (as /engine-rest and Tasklist do):
        // the engine's update event
        engine.getTaskService().addCandidateGroup(task, "lead");
        assertThat(row(task)).containsEntry("audience", "g:lead,supervisor");
        assertThat(ids("lead", "CLAIMABLE", key)).containsExactly(task);
        assertThat(ids("supervisor", "CLAIMABLE", key)).containsExactly(task);
        engine.getTaskService().deleteCandidateGroup(task, "lead");
        assertThat(row(task)).containsEntry("audience", "g:supervisor");
        assertThat(ids("lead", "CLAIMABLE", key)).isEmpty();

        // a refused completion changes nothing, here either
        assertThat(post("supervisor2", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        Response refused = post("supervisor2", "/api/tasks/" + task + "/complete", Map.of("values", Map.of()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(row(task)).containsEntry("audience", "u:supervisor2");

        assertThat(post("supervisor2", "/api/tasks/" + task + "/complete", VALID).status()).isEqualTo(200);
        assertThat(indexed(task)).isZero();
        String review = InboxTestProcesses.taskOf(engine, key);
        assertThat(row(review)).containsEntry("audience", "g:lead").containsEntry("business_key", key);
        assertThat(ids("lead", "CLAIMABLE", key)).containsExactly(review);

        // the process ends without its task: deleted with its listeners, the row goes with it
        engine.getRuntimeService().deleteProcessInstance(
                engine.getTaskService().createTaskQuery().taskId(review).singleResult().getProcessInstanceId(), "test");
        assertThat(indexed(review)).isZero();
        assertBadgesCountTheRows();
    }

    @Test
    void theListenerIsBuiltInSoSkippingCustomListenersDoesNotLeaveARow() {
        String key = InboxTestProcesses.start(engine, "HBJ");
        String task = InboxTestProcesses.taskOf(engine, key);
        String instance = engine.getTaskService().createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        assertThat(indexed(task)).isOne();
        // as Cockpit's "skip custom listeners" does
        engine.getRuntimeService().deleteProcessInstance(instance, "test", true);
        assertThat(indexed(task)).isZero();
        assertBadgesCountTheRows();
    }

    @Test
    void aRowOfATaskTheEngineDoesNotHaveIsNotShownAndLeavesTheIndex() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String task = InboxTestProcesses.taskOf(engine, key);
        // as if the engine's tables had been changed by hand
        String gone = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO inbox_task (task_id, audience, process_key, process_name, business_key, agency_code, "
                + "task_name, created_at, due_at, priority) VALUES (?, 'g:supervisor', ?, '测试', 'IT-GONE', 'SCJ', '承办', "
                + "?, NULL, 50)", gone, InboxTestProcesses.PROCESS, java.sql.Timestamp.valueOf("2099-01-01 00:00:00"));
        jdbc.update("INSERT INTO inbox_badge (audience, shard, open_tasks) VALUES ('g:supervisor', 99, 1)");

        Response page = get("supervisor", "/api/tasks?view=CLAIMABLE&size=20");
        assertThat(page.status()).isEqualTo(200);
        List<String> shown = new java.util.ArrayList<>();
        page.body().get("items").forEach(item -> shown.add(item.get("id").asText()));
        assertThat(shown).contains(task).doesNotContain(gone);
        page.body().get("items").forEach(item -> assertThat(item.get("id").asText()).isNotEqualTo(gone));

        assertThat(indexed(gone)).isZero();
        assertBadgesCountTheRows();
    }

    @Test
    void aRowUnderTheWrongAudienceShowsNothingTheEngineDoesNotGrant() {
        // a clue about agency SCJ: its reviewers may read its task, the agency never
        Response clue = post("supervisor", "/api/clues", Map.of("categoryCode", "BRIBERY", "facts", "收受财物。",
                "personsInvolved", "某人", "agencyCode", "SCJ"));
        assertThat(clue.status()).as(clue.toString()).isEqualTo(201);
        String clueTask = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(clue.body().get("clueNo").asText()).singleResult().getId();
        String audience = (String) row(clueTask).get("audience");
        Object created = jdbc.queryForObject("SELECT created_at FROM inbox_task WHERE task_id = ?", Object.class,
                clueTask);
        // the index wrong, as a bug would leave it: the task filed under the agency's group
        jdbc.update("UPDATE inbox_task SET audience = 'g:org-SCJ', created_at = ? WHERE task_id = ?",
                java.sql.Timestamp.valueOf("2099-01-01 00:00:00"), clueTask);
        try {
            Response page = get("agency-scj", "/api/tasks?view=CLAIMABLE&size=100");
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(item -> assertThat(item.get("id").asText()).isNotEqualTo(clueTask));
            assertThat(indexed(clueTask)).as("the task exists: its row is kept").isOne();
        } finally {
            jdbc.update("UPDATE inbox_task SET audience = ?, created_at = ? WHERE task_id = ?", audience, created,
                    clueTask);
        }
    }

    @Test
    void candidateGroupsTooLongForTheIndexAreRefusedAndChangeNothing() {
        String key = InboxTestProcesses.start(engine, "SCJ");
        String task = InboxTestProcesses.taskOf(engine, key);
        String longGroup = "g".repeat(250);
        engine.getTaskService().addCandidateGroup(task, longGroup + "1");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> engine.getTaskService().addCandidateGroup(task, longGroup + "2"))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class).hasMessageContaining("500");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task)).hasSize(2); // supervisor and the first
        assertThat(row(task)).containsEntry("audience", "g:" + longGroup + "1,supervisor");
        assertBadgesCountTheRows();
    }

    @Test
    void theMigrationFillsTheIndexAsTheListenerKeepsIt() throws Exception {
        String claimed = InboxTestProcesses.start(engine, "SCJ");
        assertThat(post("supervisor", "/api/tasks/" + InboxTestProcesses.taskOf(engine, claimed) + "/claim", null)
                .status()).isEqualTo(200);
        InboxTestProcesses.start(engine, "HBJ");
        List<Map<String, Object>> kept = rows();

        jdbc.update("DELETE FROM inbox_task");
        jdbc.update("DELETE FROM inbox_badge");
        try (Connection connection = dataSource.getConnection()) {
            new V7_16_1__InboxOpenTasksFromEngine().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        Set<String> open = engine.getTaskService().createTaskQuery().list().stream().map(t -> t.getId())
                .collect(Collectors.toSet());
        assertThat(rows()).isEqualTo(kept.stream().filter(r -> open.contains((String) r.get("task_id"))).toList());
        assertBadgesCountTheRows();
    }

    /**
     * An audience's badge row is made by its first task. Transactions that give a new audience its first tasks at
     * once all commit and all count: on InnoDB, inserting the same new row at once is answered with shared locks
     * that each waiter then wants to upgrade (a deadlock, when the row is made by an insert after an update found
     * nothing). Several rounds, each a new audience and one row for all its writers, which start together.
     */
    @Test
    void theFirstTasksOfANewAudienceAtOnceAllCount() throws Exception {
        int writers = 6;
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        TransactionTemplate transaction =
                new TransactionTemplate(transactions);
        try {
            for (int round = 0; round < rounds; round++) {
                String audience = "g:first-tasks-at-once-" + round;
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return transaction.execute(status -> {
                            openTasks.add(audience, 3, 1);
                            return null;
                        });
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
                assertThat(jdbc.queryForObject("SELECT SUM(open_tasks) FROM inbox_badge WHERE audience = ?",
                        Long.class, audience)).as(audience).isEqualTo(writers);
            }
        } finally {
            pool.shutdownNow();
            jdbc.update("DELETE FROM inbox_badge WHERE audience LIKE 'g:first-tasks-at-once-%'");
        }
    }

    /** The index's rows of a task: 0 or 1. */
    private long indexed(String taskId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_task WHERE task_id = ?", Long.class, taskId);
    }

    private Map<String, Object> row(String taskId) {
        return jdbc.queryForMap("SELECT audience, process_key, business_key, agency_code FROM inbox_task "
                + "WHERE task_id = ?", taskId).entrySet().stream()
                .collect(HashMap::new, (map, e) -> map.put(e.getKey().toLowerCase(), e.getValue()), HashMap::putAll);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT task_id, audience, process_key, process_name, business_key, agency_code, "
                + "task_name, created_at, due_at, priority FROM inbox_task ORDER BY task_id");
    }

    /** Open tasks per audience by the badges, leaving out audiences that have none. */
    private Map<String, Long> badges() {
        Map<String, Long> sums = new HashMap<>();
        jdbc.queryForList("SELECT audience, SUM(open_tasks) AS n FROM inbox_badge GROUP BY audience").forEach(row -> {
            long n = ((Number) row.get("n")).longValue();
            if (n != 0) {
                sums.put((String) row.get("audience"), n);
            }
        });
        return sums;
    }

    private void assertBadgesCountTheRows() {
        Map<String, Long> rows = new HashMap<>();
        jdbc.queryForList("SELECT audience, COUNT(*) AS n FROM inbox_task GROUP BY audience")
                .forEach(row -> rows.put((String) row.get("audience"), ((Number) row.get("n")).longValue()));
        assertThat(badges()).isEqualTo(rows);
    }

    private long badge(String user, String view) {
        return get(user, "/api/tasks/counts").body().get(view).asLong();
    }

    private List<String> ids(String user, String view, String businessKey) {
        Response page = get(user, "/api/tasks?view=" + view + "&businessKey=" + businessKey + "&size=100");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
