package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 3, inbox at scale: the generated data set ({@link DataSet}) with {@code -Dbench.inbox.size} open tasks
 * (default 100,000; on H2 the data set's smaller scale caps it), spread over the steps of every kind of record and
 * so over the groups (clerk, supervisor, lead, legal-reviewer, discipline), the assigned supervisors and the agencies'
 * liaisons; then {@code -Dbench.users} (default 8) people paging {@code GET /api/tasks} (我的待办 or 待认领, first
 * three pages, counts of all four views included) for {@code -Dbench.seconds} (default 60). Target: p99 <= 50 ms.
 */
public class InboxSimulation extends Simulation {

    static final int SIZE = Bench.intProperty("bench.inbox.size", 100_000);
    static final int USERS = Bench.intProperty("bench.users", 8);
    static final int SECONDS = Bench.intProperty("bench.seconds", 60);
    static final List<String> READERS = Bench.INBOX_USERS;

    static {
        try {
            Bench.result(DataSet.ensure(SIZE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    {
        var read = scenario("inbox readers").during(Duration.ofSeconds(SECONDS)).on(
                exec(session -> session.set("reader", READERS.get(ThreadLocalRandom.current().nextInt(READERS.size())))
                        .set("view", ThreadLocalRandom.current().nextBoolean() ? "MINE" : "CLAIMABLE")
                        .set("page", ThreadLocalRandom.current().nextInt(3)))
                .exec(http("inbox page").get("/api/tasks?view=#{view}&page=#{page}&size=20")
                        .basicAuth("#{reader}", Bench.PASSWORD).check(status().is(200), jsonPath("$.counts").exists())));
        setUp(read.injectOpen(atOnceUsers(USERS))).protocols(Bench.protocol())
                .assertions(details("inbox page").responseTime().percentile(99.0).lte(50));
    }

    @Override
    public void after() {
        Bench.result("inbox: " + USERS + " readers for " + SECONDS + " s; GET /api/tasks p99 against 50 ms: see the "
                + "assertion above and \"inbox page\" in Gatling's report");
    }
}
