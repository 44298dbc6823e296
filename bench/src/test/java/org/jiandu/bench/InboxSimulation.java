package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 3, inbox at scale: first {@code -Dbench.inbox.size} open tasks (default 2,000; the figure is
 * 100,000) made through the API as real engine state (complaints registered over the agencies, each waiting in
 * 受理审查 for the clerks' and supervisors' groups), then {@code -Dbench.users} (default 8) people paging
 * {@code GET /api/tasks} (counts included) for {@code -Dbench.seconds} (default 60). Target: p99 <= 50 ms
 * ("inbox page" in Gatling's report).
 */
public class InboxSimulation extends Simulation {

    static final int SIZE = Bench.intProperty("bench.inbox.size", 2000);
    static final int USERS = Bench.intProperty("bench.users", 8);
    static final int SECONDS = Bench.intProperty("bench.seconds", 60);
    static final int GENERATORS = 8;
    static final List<String> AGENCIES = List.of("SCJ", "HBJ", "CGW", "XIAN-SCJ");
    static final List<String> READERS = List.of("clerk", "supervisor", "supervisor2");

    {
        var generate = scenario("generate open tasks").exec(repeat(SIZE / GENERATORS).on(
                exec(http("generate: register").post("/api/complaints").basicAuth("clerk", Bench.PASSWORD)
                        .body(StringBody(session -> """
                                {"source":"LETTER","anonymous":true,"agencyCode":"%s","fieldCode":"MARKET","occurredOn":"%s",
                                 "occurredPlace":"某地","facts":"压测数据（%s）。","demands":"请求查处。"}"""
                                .formatted(AGENCIES.get(ThreadLocalRandom.current().nextInt(AGENCIES.size())),
                                        LocalDate.now().minusDays(2), Bench.unique())))
                        .check(status().is(201)))));
        var read = scenario("inbox readers").during(Duration.ofSeconds(SECONDS)).on(
                exec(session -> session.set("reader", READERS.get(ThreadLocalRandom.current().nextInt(READERS.size())))
                        .set("page", ThreadLocalRandom.current().nextInt(5)))
                .exec(http("inbox page").get("/api/tasks?view=CLAIMABLE&page=#{page}&size=20")
                        .basicAuth("#{reader}", Bench.PASSWORD).check(status().is(200), jsonPath("$.items").exists())));
        setUp(generate.injectOpen(atOnceUsers(GENERATORS)).andThen(
                read.injectOpen(atOnceUsers(USERS))))
                .protocols(Bench.protocol());
    }

    @Override
    public void after() {
        Bench.result("inbox: " + SIZE + " open tasks generated; GET /api/tasks percentiles: see \"inbox page\" in "
                + "Gatling's report (and its console summary above)");
    }
}
