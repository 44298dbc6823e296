package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2, interactive latency: {@code -Dbench.users} (default 32) people for {@code -Dbench.seconds} (default
 * 120) on the generated data set (a province's year, {@link DataSet}), each in a loop with {@code -Dbench.think.ms}
 * (default 500) between actions: an inbox page (40%), a record's detail (25%: complaint or letter), a trace (15%),
 * a task completion (20%: a generated complaint's acceptance review by the clerk or its approval by the lead, each
 * task completed once). Targets on MariaDB: p99 <= 150 ms for each read, <= 250 ms for completions; Gatling's
 * assertions print each request's p99 against them at the end. The same people and mix run {@code
 * -Dbench.warmup.seconds} (default 30; 0: none) first, as "warm-up: …" requests the figures leave out.
 */
public class InteractiveSimulation extends Simulation {

    static final int USERS = Bench.intProperty("bench.users", 32);
    static final int SECONDS = Bench.intProperty("bench.seconds", 120);
    static final int THINK_MS = Bench.intProperty("bench.think.ms", 500);
    static final int WARM_UP = Bench.warmUpSeconds(30);
    static {
        try {
            Bench.result(DataSet.ensure(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<Map<String, Object>> COMPLAINTS = Records.query(
            "SELECT id, tracking_no FROM complaint ORDER BY id DESC LIMIT 5000");
    static final List<Map<String, Object>> LETTERS = Records.query(
            "SELECT id, letter_no FROM supervision_letter ORDER BY id DESC LIMIT 2000");
    static final ConcurrentLinkedQueue<Map<String, Object>> REVIEWS =
            new ConcurrentLinkedQueue<>(Records.complaintsAt("Task_ReviewAcceptance", 5000));
    static final ConcurrentLinkedQueue<Map<String, Object>> APPROVALS =
            new ConcurrentLinkedQueue<>(Records.complaintsAt("Task_ApproveAcceptance", 5000));

    static <T> T any(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }

    static Iterator<Map<String, Object>> randomly(List<Map<String, Object>> rows) {
        return Stream.generate(() -> any(rows)).iterator();
    }

    static ChainBuilder completion(String name, String user, ConcurrentLinkedQueue<Map<String, Object>> queue, String body) {
        return exec(session -> {
            Map<String, Object> next = queue.poll();
            return next == null ? session.remove("taskId")
                    : session.set("complaintId", next.get("complaint_id")).set("taskId", next.get("task_id"));
        }).doIf(session -> session.contains("taskId")).then(
                exec(http(name).post("/api/complaints/#{complaintId}/tasks/#{taskId}/complete")
                        .basicAuth(user, Bench.PASSWORD).body(StringBody(body)).check(status().is(200))));
    }

    /** One person's loop: the mix of reads and completions, each request named with the prefix. */
    static ChainBuilder mix(String prefix) {
        ChainBuilder inbox = exec(session -> session.set("reader", any(Bench.INBOX_USERS))
                .set("view", ThreadLocalRandom.current().nextBoolean() ? "MINE" : "CLAIMABLE")
                .set("page", ThreadLocalRandom.current().nextInt(3)))
                .exec(http(prefix + "read: inbox page").get("/api/tasks?view=#{view}&page=#{page}&size=20")
                        .basicAuth("#{reader}", Bench.PASSWORD).check(status().is(200), jsonPath("$.counts").exists()));
        ChainBuilder detail = randomSwitch().on(
                new Choice.WithWeight(70.0, feed(randomly(COMPLAINTS)).exec(http(prefix + "read: complaint detail")
                        .get("/api/complaints/#{id}").basicAuth("supervisor", Bench.PASSWORD).check(status().is(200)))),
                new Choice.WithWeight(30.0, feed(randomly(LETTERS)).exec(http(prefix + "read: letter detail")
                        .get("/api/letters/#{id}").basicAuth("supervisor", Bench.PASSWORD).check(status().is(200)))));
        ChainBuilder trace = feed(randomly(COMPLAINTS)).exec(http(prefix + "read: trace")
                .get("/api/trace/#{tracking_no}").basicAuth("auditor", Bench.PASSWORD).check(status().is(200)));
        ChainBuilder complete = randomSwitch().on(
                new Choice.WithWeight(50.0, completion(prefix + "complete: acceptance review", "clerk", REVIEWS,
                        "{\"acceptanceDecision\":\"ACCEPT\"}")),
                new Choice.WithWeight(50.0, completion(prefix + "complete: acceptance approval", "lead", APPROVALS,
                        "{\"acceptanceApproved\":true}")));
        return randomSwitch().on(new Choice.WithWeight(40.0, inbox), new Choice.WithWeight(25.0, detail),
                        new Choice.WithWeight(15.0, trace), new Choice.WithWeight(20.0, complete))
                .pause(Duration.ofMillis(THINK_MS));
    }

    {
        var measured = scenario("interactive").during(Duration.ofSeconds(SECONDS)).on(mix(""))
                .injectOpen(atOnceUsers(USERS));
        // the same people and mix first, named "warm-up: …"
        setUp(Bench.afterWarmUp(WARM_UP, mix("warm-up: "), USERS, measured)).protocols(Bench.protocol()).assertions(
                details("read: inbox page").responseTime().percentile(99.0).lte(150),
                details("read: complaint detail").responseTime().percentile(99.0).lte(150),
                details("read: letter detail").responseTime().percentile(99.0).lte(150),
                details("read: trace").responseTime().percentile(99.0).lte(150),
                details("complete: acceptance review").responseTime().percentile(99.0).lte(250),
                details("complete: acceptance approval").responseTime().percentile(99.0).lte(250));
    }

    @Override
    public void after() {
        Bench.result("interactive: " + USERS + " users, " + SECONDS + " s after " + WARM_UP + " s of warm-up, think "
                + THINK_MS + " ms; p99 per request: "
                + "see the assertions above and \"read: ...\" / \"complete: ...\" in Gatling's report");
    }
}
