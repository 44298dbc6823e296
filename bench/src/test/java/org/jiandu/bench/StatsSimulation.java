package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.LocalDate;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 4, statistics: on the generated data set ({@link DataSet}), one person at a time asks
 * {@code -Dbench.repeat} times (default 3) for {@code GET /api/stats} over this year and for the annual report
 * .xlsx of this year. Target: each <= 5 s (Gatling's assertions print the maximum against it).
 */
public class StatsSimulation extends Simulation {

    static final int REPEAT = Bench.intProperty("bench.repeat", 3);

    static {
        try {
            Bench.result(DataSet.ensure(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    {
        int year = LocalDate.now().getYear();
        var reader = scenario("statistics").exec(repeat(REPEAT).on(
                exec(http("stats: year").get("/api/stats?from=" + year + "-01-01&to=" + year + "-12-31")
                        .basicAuth("lead", Bench.PASSWORD).check(status().is(200)))
                .exec(http("stats: annual report .xlsx").get("/api/stats/annual-report?year=" + year)
                        .basicAuth("lead", Bench.PASSWORD).header("Accept", "*/*").check(status().is(200)))));
        setUp(reader.injectOpen(atOnceUsers(1))).protocols(Bench.protocol()).assertions(
                details("stats: year").responseTime().max().lte(5000),
                details("stats: annual report .xlsx").responseTime().max().lte(5000));
    }

    @Override
    public void after() {
        Bench.result("stats: " + REPEAT + " times each, one at a time; times: see the assertions above and Gatling's report");
    }
}
