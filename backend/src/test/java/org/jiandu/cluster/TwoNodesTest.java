package org.jiandu.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jiandu.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two application nodes, each a JVM of its own with its own job executor, on one MariaDB / MySQL database:
 * Camunda's homogeneous cluster, and what is ours on it. Runs where the suite runs on a database server
 * (CI's MariaDB passes); an embedded H2 database belongs to a single JVM, so there the test is skipped.
 *
 * <p>The number of complaints whose deadlines fall due at once is {@value #DEFAULT_DEADLINES} by default
 * (CI time); {@code -Djiandu.cluster.deadlines=1000} runs the 1,000.
 */
@Tag("own-jvm")
@ExtendWith(TwoNodesTest.OnDatabaseServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    static final int DEFAULT_DEADLINES = 200;
    private static final java.util.regex.Pattern LETTER_NUMBER = java.util.regex.Pattern.compile("市司监建〔\\d{4}〕(\\d+)号");

    private SharedDatabase database;
    private Node a;
    private Node b;

    @BeforeAll
    void startTwoNodes() throws Exception {
        database = SharedDatabase.configured();
        a = Node.start("node-a", database);
        b = Node.start("node-b", database);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void aCalendarExceptionMadeOnOneNodeHoldsOnTheOtherAtOnce() {
        // Friday 3 January 2031 + 1 working day is Monday 6 January, unless 6 January is made a day off
        String add = "/api/calendar/workdays/add?from=2031-01-03&days=1";
        b.delete("admin", "/api/calendar/exceptions/2031-01-06");
        assertThat(b.get("clerk", add).body().get("date").asText()).isEqualTo("2031-01-06");
        try {
            assertThat(a.put("admin", "/api/calendar/exceptions/2031-01-06", Map.of("kind", "HOLIDAY", "name", "集群测试"))
                    .status()).isEqualTo(200);
            assertThat(b.get("clerk", add).body().get("date").asText()).isEqualTo("2031-01-07");
        } finally {
            a.delete("admin", "/api/calendar/exceptions/2031-01-06");
        }
        assertThat(b.get("clerk", add).body().get("date").asText()).isEqualTo("2031-01-06");
    }

    @Test
    @Order(2)
    void aDeadlinePolicyChangedOnOneNodeHoldsOnTheOtherAtOnce() {
        String key = "rectification.verification";
        String due = "/api/deadline-policies/" + key + "/due?from=2025-09-26";
        try {
            a.put("admin", "/api/deadline-policies/" + key, Map.of("days", 10, "dayKind", "WORKING", "reminderDays", 2));
            assertThat(b.get("lead", due).body().get("due").asText()).isEqualTo("2025-10-16");
            assertThat(a.put("admin", "/api/deadline-policies/" + key, Map.of("days", 5, "dayKind", "WORKING", "reminderDays", 1))
                    .status()).isEqualTo(200);
            assertThat(b.get("lead", due).body().get("due").asText()).isEqualTo("2025-10-10");
        } finally {
            a.put("admin", "/api/deadline-policies/" + key, Map.of("days", 10, "dayKind", "WORKING", "reminderDays", 2));
        }
    }

    @Test
    @Order(3)
    void aClueCategoryChangedOnOneNodeHoldsOnTheOtherAtOnce() {
        String code = "CL_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Map<String, Object> category = new HashMap<>(Map.of("code", code, "name", "集群测试类别", "requiresCollective", false,
                "enabled", true, "sortNo", 98));
        assertThat(a.post("admin", "/api/admin/clue-categories", category).status()).isEqualTo(201);
        assertThat(b.get("supervisor", "/api/clue-categories").body().findValuesAsText("code")).contains(code);
        category.put("enabled", false);
        assertThat(a.put("admin", "/api/admin/clue-categories/" + code, category).status()).isEqualTo(200);
        assertThat(b.get("supervisor", "/api/clue-categories").body().findValuesAsText("code")).doesNotContain(code);
    }

    @Test
    @Order(4)
    void anOrganisationAUserAndADisabledAccountMadeOnOneNodeHoldOnTheOtherAtOnce() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String org = "CL" + suffix.toUpperCase().substring(Math.max(0, suffix.length() - 8));
        assertThat(a.post("admin", "/api/admin/orgs", Map.of("code", org, "name", "集群测试县司法局", "kind", "SUPERVISION_BODY",
                "adminLevel", "COUNTY", "parentCode", "XIAN", "docAbbr", "集测司监")).status()).isEqualTo(201);
        String user = "cl" + suffix;
        assertThat(a.post("admin", "/api/admin/users", Map.of("userId", user, "displayName", "集群测试员",
                "password", "long-enough-1", "orgCode", org, "roles", List.of("supervisor"))).status()).isEqualTo(201);

        WebappSession tasklist = WebappSession.login(b.port, user, "long-enough-1");
        assertThat(tasklist.engine("GET", "task?maxResults=1", null).status()).isEqualTo(200);
        Node.Answer me = b.call("GET", user, "long-enough-1", "/api/me", null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("org").get("code").asText()).isEqualTo(org);

        assertThat(a.put("admin", "/api/admin/orgs/" + org, Map.of("name", "集群测试县司法局（更名）", "docAbbr", "集测司监", "enabled", true))
                .status()).isEqualTo(200);
        assertThat(b.call("GET", user, "long-enough-1", "/api/me", null).body().get("org").get("name").asText())
                .isEqualTo("集群测试县司法局（更名）");
        assertThat(a.put("admin", "/api/admin/users/" + user + "/roles", Map.of("roles", List.of("auditor"))).status())
                .isEqualTo(200);
        assertThat(b.call("GET", user, "long-enough-1", "/api/me", null).body().get("roles").findValuesAsText("id"))
                .containsExactly("auditor");

        assertThat(a.post("admin", "/api/admin/users/" + user + "/disable", null).status()).isEqualTo(200);
        assertThat(b.call("GET", user, "long-enough-1", "/api/me", null).status()).isEqualTo(401);
        assertThat(b.call("GET", user, "long-enough-1", "/engine-rest/user/" + user + "/profile", null).status())
                .isEqualTo(401);
        // the Tasklist session the user opened on node B ends at its next request
        assertThat(tasklist.engine("GET", "task?maxResults=1", null).status()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void thePublicRateLimitIsSharedByTheNodes() {
        // the intake limit is 10 an hour per client address; requests alternate between the nodes
        String address = "192.0.2." + (1 + (int) (System.nanoTime() % 250));
        int refused = 0;
        for (int i = 0; i < 14; i++) {
            Node node = i % 2 == 0 ? a : b;
            Node.Answer answer = node.call("POST", null, null, "/api/public/complaints", Map.of(),
                    "X-Forwarded-For", address);
            if (answer.status() == 429) {
                assertThat(answer.code()).isEqualTo("TOO_MANY_REQUESTS");
                refused++;
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            }
        }
        // one shared bucket: 10 accepted in all, not 10 on each node
        assertThat(refused).isEqualTo(4);
    }

    @Test
    @Order(6)
    void letterNumbersStayGapFreeWithSigningsOnBothNodesAtOnce() throws Exception {
        int letters = 20;
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < letters; i++) {
            Node node = i % 2 == 0 ? a : b;
            Map<String, Object> draft = Map.of("agencyCode", "SCJ", "source", "DIRECT", "title", "关于规范行政处罚程序的监督建议书",
                    "body", "经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。\n请依法纠正。", "rectificationRequired", false);
            Node.Answer created = node.post("supervisor", "/api/letters", draft);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.body().at("/letter/id").asLong();
            Map<String, Object> drafted = new HashMap<>(draft);
            drafted.remove("source");
            assertThat(node.post("supervisor", "/api/letters/" + id + "/draft", drafted).status()).isEqualTo(200);
            assertThat(node.post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", true)).status()).isEqualTo(200);
            ready.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> numbers = new ArrayList<>();
        try {
            List<Future<String>> signed = new ArrayList<>();
            for (int i = 0; i < letters; i++) {
                Node node = i % 2 == 0 ? b : a;
                long id = ready.get(i);
                signed.add(pool.submit(() -> {
                    Node.Answer answer = node.post("lead", "/api/letters/" + id + "/sign", Map.of("passed", true));
                    if (answer.status() != 200) {
                        throw new IllegalStateException(node.name + " did not sign letter " + id + ": " + answer);
                    }
                    return answer.body().at("/letter/docNo").asText();
                }));
            }
            for (Future<String> future : signed) {
                java.util.regex.Matcher number = LETTER_NUMBER.matcher(future.get());
                assertThat(number.matches()).as(future.get()).isTrue();
                numbers.add(Integer.parseInt(number.group(1)));
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(numbers);
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.get(letters - 1) - numbers.get(0) + 1).as("gap-free document numbers " + numbers).isEqualTo(letters);
    }

    /**
     * N complaints registered on both nodes at once, then both clocks moved past their acceptance deadline: each
     * complaint's reminder and overdue escalation (and, where a clerk holds the task, the 催办 to them) fires once.
     * One node is killed while the jobs run; the other finishes them. Tracking numbers, drawn on both nodes at
     * once, are unique and, as every registration here succeeds, unbroken (a failed registration may leave a gap:
     * sequence.Sequences#nextAllowingGaps).
     */
    @Test
    @Order(10)
    void deadlinesDueAtOnceFireExactlyOnceAndNoneIsLostWhenANodeIsKilled() throws Exception {
        int n = Integer.getInteger("jiandu.cluster.deadlines", DEFAULT_DEADLINES);
        Instant started = Instant.now();
        List<String> trackingNos = registerOnBothNodes(n);
        System.out.printf("[cluster] %d complaints registered on two nodes in %s%n", n, Duration.between(started, Instant.now()));

        // drawn on both nodes at once by registrations that all succeed, the numbers form one unbroken run
        List<Integer> serials = trackingNos.stream().map(no -> Integer.parseInt(no.substring(no.lastIndexOf('-') + 1)))
                .sorted().toList();
        assertThat(serials).doesNotHaveDuplicates();
        assertThat(serials.get(serials.size() - 1) - serials.get(0) + 1).as("unbroken tracking numbers").isEqualTo(n);

        // a clerk holds every fifth task: its escalation urges (催办) the holder alone
        List<String> held = new ArrayList<>();
        for (int i = 0; i < trackingNos.size(); i += 5) {
            String taskId = single("SELECT t.ID_ FROM ACT_RU_TASK t JOIN complaint c ON c.process_instance_id = t.PROC_INST_ID_"
                    + " WHERE c.tracking_no = ? AND t.TASK_DEF_KEY_ = 'Task_ReviewAcceptance'", trackingNos.get(i));
            Node node = i % 2 == 0 ? a : b;
            assertThat(node.post("clerk", "/api/tasks/" + taskId + "/claim", null).status()).isIn(200, 204);
            held.add(trackingNos.get(i));
        }

        Instant firing = Instant.now();
        a.advanceClock(30, 0);
        b.advanceClock(30, 0);
        int expected = 2 * n;   // a reminder and an escalation per complaint
        awaitCount(trackingNos, expected / 4, Duration.ofMinutes(5));
        int doneWhenKilled = alertsDone(trackingNos);
        b.kill();
        System.out.printf("[cluster] node-b killed after %d of %d alerts%n", doneWhenKilled, expected);
        assertThat(doneWhenKilled).as("work left when the node was killed").isLessThan(expected);
        // the jobs node-b had locked stay locked until their lock expires (5 minutes by the engine's clock)
        a.advanceClock(0, 10);
        awaitCount(trackingNos, expected, Duration.ofMinutes(8));
        System.out.printf("[cluster] %d alerts done in %s%n", expected, Duration.between(firing, Instant.now()));

        assertExactlyOnce(trackingNos, held);
        Map<String, Integer> byNode = jobsByNode(trackingNos);
        assertThat(byNode.getOrDefault("node-b", 0)).as("node-b ran jobs before it was killed").isPositive();
        assertThat(byNode.getOrDefault("node-a", 0)).as("node-a ran jobs").isPositive();
        assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN complaint c ON c.process_instance_id = j.PROCESS_INSTANCE_ID_"
                + " WHERE c.tracking_no IN " + in(trackingNos) + " AND j.TYPE_ = 'timer'")).as("timers left").isZero();
        assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT i JOIN complaint c ON c.process_instance_id = i.PROC_INST_ID_"
                + " WHERE c.tracking_no IN " + in(trackingNos))).as("incidents").isZero();
    }

    private List<String> registerOnBothNodes(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Node node = i % 2 == 0 ? a : b;
                int index = i;
                registered.add(pool.submit(() -> {
                    Node.Answer answer = node.post("clerk", "/api/complaints", complaint(index));
                    if (answer.status() != 201) {
                        throw new IllegalStateException(node.name + " refused complaint " + index + ": " + answer);
                    }
                    return answer.body().get("trackingNo").asText();
                }));
            }
            List<String> trackingNos = new ArrayList<>();
            for (Future<String> future : registered) {
                trackingNos.add(future.get());
            }
            return trackingNos;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> complaint(int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "PHONE");
        body.put("anonymous", false);
        body.put("complainantName", "集群测试" + index);
        body.put("complainantPhone", "13812345678");
        body.put("agencyCode", "SCJ");
        body.put("fieldCode", "MARKET");
        body.put("occurredOn", LocalDate.now().minusDays(3).toString());
        body.put("occurredPlace", "人民路农贸市场");
        body.put("facts", "执法人员检查摊位时未出示执法证件。");
        body.put("demands", "请求依法核查并纠正。");
        return body;
    }

    private void awaitCount(List<String> trackingNos, int wanted, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        int done = alertsDone(trackingNos);
        while (done < wanted && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            done = alertsDone(trackingNos);
        }
        assertThat(done).as("alerts done within " + timeout + " (node-a log:\n" + a.tail() + ")")
                .isGreaterThanOrEqualTo(wanted);
    }

    private int alertsDone(List<String> trackingNos) throws SQLException {
        return count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'COMPLAINT' AND action IN ('TASK_REMINDED', 'TASK_ESCALATED')"
                + " AND record_no IN " + in(trackingNos));
    }

    private void assertExactlyOnce(List<String> trackingNos, List<String> held) throws SQLException {
        String in = in(trackingNos);
        Map<String, Integer> reminded = perComplaint("SELECT record_no, COUNT(*) FROM audit_log WHERE record_type = 'COMPLAINT'"
                + " AND action = 'TASK_REMINDED' AND record_no IN " + in + " GROUP BY record_no");
        Map<String, Integer> escalated = perComplaint("SELECT record_no, COUNT(*) FROM audit_log WHERE record_type = 'COMPLAINT'"
                + " AND action = 'TASK_ESCALATED' AND record_no IN " + in + " GROUP BY record_no");
        Map<String, Integer> escalationRows = perComplaint("SELECT c.tracking_no, COUNT(*) FROM complaint_escalation e"
                + " JOIN complaint c ON c.id = e.complaint_id WHERE c.tracking_no IN " + in + " GROUP BY c.tracking_no");
        Map<String, Integer> urged = perComplaint("SELECT record_no, COUNT(*) FROM notification WHERE kind = 'URGE'"
                + " AND record_no IN " + in + " GROUP BY record_no");
        // an overdue step urges its workers (workflow.StepNotifier): the holder, or else every candidate (clerks, supervisors)
        int candidates = count("SELECT COUNT(DISTINCT m.USER_ID_) FROM ACT_ID_MEMBERSHIP m JOIN app_user u ON u.user_id = m.USER_ID_"
                + " WHERE m.GROUP_ID_ IN ('clerk', 'supervisor') AND u.enabled = TRUE");
        for (String no : trackingNos) {
            assertThat(reminded.get(no)).as("reminders of " + no).isEqualTo(1);
            assertThat(escalated.get(no)).as("escalations (audit) of " + no).isEqualTo(1);
            assertThat(escalationRows.get(no)).as("督办 rows of " + no).isEqualTo(1);
            assertThat(urged.getOrDefault(no, 0)).as("催办 of " + no).isEqualTo(held.contains(no) ? 1 : candidates);
        }
        // every person is told once per alert: no notification twice to the same recipient for the same complaint and kind
        assertThat(count("SELECT COUNT(*) FROM (SELECT record_no, recipient, kind FROM notification WHERE record_no IN " + in
                + " GROUP BY record_no, recipient, kind HAVING COUNT(*) > 1) twice")).as("repeated notifications").isZero();
        List<Integer> told = new ArrayList<>(perComplaint("SELECT record_no, COUNT(*) FROM notification WHERE kind IN"
                + " ('REMINDER', 'ESCALATION') AND record_no IN " + in + " GROUP BY record_no").values());
        assertThat(told).hasSize(trackingNos.size());
        assertThat(Collections.min(told)).isPositive();
    }

    private Map<String, Integer> jobsByNode(List<String> trackingNos) throws SQLException {
        Map<String, Integer> byNode = new HashMap<>();
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT l.HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG l JOIN complaint c ON c.process_instance_id = l.PROCESS_INSTANCE_ID_"
                        + " WHERE c.tracking_no IN " + in(trackingNos) + " AND l.JOB_STATE_ = 2 GROUP BY l.HOSTNAME_");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                byNode.put(rows.getString(1), rows.getInt(2));
            }
        }
        System.out.println("[cluster] successful jobs by node: " + byNode);
        return byNode;
    }

    private Map<String, Integer> perComplaint(String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private String single(String sql, String parameter) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql + " " + parameter).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** An SQL list of tracking numbers (they are ours: TS-yyyy-nnnnnn). */
    private static String in(List<String> trackingNos) {
        StringBuilder list = new StringBuilder("(");
        for (String no : trackingNos) {
            if (!no.matches("TS-\\d{4}-\\d{6}")) {
                throw new IllegalArgumentException(no);
            }
            list.append(list.length() > 1 ? "," : "").append('\'').append(no).append('\'');
        }
        return list.append(')').toString();
    }

    /** Runs the class only where the configured database is a server both JVMs reach, and says why not otherwise. */
    static final class OnDatabaseServer implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            SharedDatabase database = SharedDatabase.configured();
            if (database.server()) {
                return ConditionEvaluationResult.enabled("database server " + database.url());
            }
            String reason = "skipped: two nodes need a database server both JVMs reach; the configured database ("
                    + database.url() + ") is an embedded H2 of one JVM. CI runs this test on MariaDB.";
            System.out.println("[cluster] " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
