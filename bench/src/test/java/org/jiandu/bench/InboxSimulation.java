package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 3, inbox at scale: the generated data set ({@link DataSet}) with {@code -Dbench.inbox.size} open tasks
 * (default 100,000; on H2 the data set's smaller scale caps it), spread over the steps of every kind of record and
 * so over the groups (clerk, supervisor, lead, legal-reviewer, discipline), the assigned supervisors and the agencies'
 * liaisons; then {@code -Dbench.users} (default 8) people paging {@code GET /api/tasks} (我的待办 or 待认领, first
 * three pages, counts of all four views included) for {@code -Dbench.seconds} (default 60). Target: p99 <= 50 ms.
 *
 * <p>Those readers ask for their next page the moment the last one arrives: a closed loop that keeps the machine
 * saturated, so its percentiles are mostly the wait for a core. {@code -Dbench.rate=N} instead opens N pages a second
 * at random moments (Poisson arrivals, each a new reader and view), as a body's staff open their inboxes: the
 * percentiles of a page at that load, and the rate up to which the target holds on the machine at hand.
 *
 * <p>Either way the readers' loop runs first for {@code -Dbench.warmup.seconds}, as "warm-up page", not counted:
 * default 30 before the closed loop (as the interactive scenario), 60 before the open load; 0 for none (the closed
 * loop's figures before the eighth round of docs/PERFORMANCE.md were measured from a fresh JVM's first page).
 */
public class InboxSimulation extends Simulation {

    static final int SIZE = Bench.intProperty("bench.inbox.size", 100_000);
    static final int USERS = Bench.intProperty("bench.users", 8);
    static final int SECONDS = Bench.intProperty("bench.seconds", 60);
    /** Pages a second opened at random moments; 0: the {@link #USERS} closed-loop readers. */
    static final int RATE = Bench.intProperty("bench.rate", 0);
    /** Seconds of the closed-loop readers first, not counted. */
    static final int WARM_UP = Bench.warmUpSeconds(RATE > 0 ? 60 : 30);
    static final List<String> READERS = Bench.INBOX_USERS;

    static {
        try {
            Bench.result(DataSet.ensure(SIZE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    {
        var measured = RATE > 0
                // after the readers' loop has warmed the application's code up (a freshly started JVM takes 10 ms of
                // CPU a page in its first minute, against 6 ms warm): an open load cannot wait for that
                ? scenario("inbox pages opened at random").exec(page("inbox page"))
                        .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS)).randomized())
                : scenario("inbox readers").during(Duration.ofSeconds(SECONDS)).on(page("inbox page"))
                        .injectOpen(atOnceUsers(USERS));
        setUp(Bench.afterWarmUp(WARM_UP, page("warm-up page"), USERS, measured)).protocols(Bench.protocol())
                .assertions(details("inbox page").responseTime().percentile(99.0).lte(50));
    }

    /** One page of a random reader's 我的待办 or 待认领 (one of the first three). */
    private static ChainBuilder page(String name) {
        return exec(session -> session
                .set("reader", READERS.get(ThreadLocalRandom.current().nextInt(READERS.size())))
                .set("view", ThreadLocalRandom.current().nextBoolean() ? "MINE" : "CLAIMABLE")
                .set("page", ThreadLocalRandom.current().nextInt(3)))
                .exec(http(name).get("/api/tasks?view=#{view}&page=#{page}&size=20")
                        .basicAuth("#{reader}", Bench.PASSWORD).check(status().is(200), jsonPath("$.counts").exists()));
    }

    @Override
    public void after() {
        Bench.result("inbox: " + (RATE > 0 ? RATE + " pages a second opened at random" : USERS + " readers")
                + " for " + SECONDS + " s after " + WARM_UP + " s of warm-up not counted; GET /api/tasks p99 against 50 ms:"
                + " see the assertion above and \"inbox page\" in Gatling's report");
    }
}
