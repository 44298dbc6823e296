package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 5b, audit verification at scale: writes {@code -Dbench.audit.rows} sealed rows (default 5,000,000)
 * straight into the database, then times a full {@code GET /api/audit/verify} (target 60 s), appends
 * {@code -Dbench.audit.more} rows (default 10,000, a busy day) and times {@code ?from=checkpoint} (target 1 s).
 */
public class AuditVerifySimulation extends Simulation {

    static final long ROWS = Long.getLong("bench.audit.rows", 5_000_000L);
    static final long MORE = Long.getLong("bench.audit.more", 10_000L);
    static final int BATCH = Bench.intProperty("bench.audit.batch", 1000);

    static volatile long fullStarted;
    static volatile double fullSeconds;
    static volatile double incrementalSeconds;
    static volatile String fullChecked = "?";
    static volatile String incrementalChecked = "?";

    @Override
    public void before() {
        try {
            double seconds = AuditRows.append(ROWS, BATCH);
            Bench.result(String.format("audit-verify: generated %,d sealed rows in %.0f s; chain now %,d rows", ROWS,
                    seconds, AuditRows.sealedRows()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    {
        setUp(scenario("audit verify")
                .exec(session -> {
                    fullStarted = System.nanoTime();
                    return session;
                })
                .exec(http("verify full").get("/api/audit/verify").basicAuth("auditor", Bench.PASSWORD)
                        .check(status().is(200), jsonPath("$.intact").is("true"),
                                jsonPath("$.rowsChecked").saveAs("fullChecked")))
                .exec(session -> {
                    fullSeconds = (System.nanoTime() - fullStarted) / 1e9;
                    fullChecked = session.getString("fullChecked");
                    try {
                        AuditRows.append(MORE, BATCH);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    fullStarted = System.nanoTime();
                    return session;
                })
                .exec(http("verify from checkpoint").get("/api/audit/verify?from=checkpoint").basicAuth("auditor", Bench.PASSWORD)
                        .check(status().is(200), jsonPath("$.intact").is("true"),
                                jsonPath("$.rowsChecked").saveAs("incrementalChecked")))
                .exec(session -> {
                    incrementalSeconds = (System.nanoTime() - fullStarted) / 1e9;
                    incrementalChecked = session.getString("incrementalChecked");
                    return session;
                })
                .injectOpen(atOnceUsers(1))).protocols(Bench.protocol());
    }

    @Override
    public void after() {
        Bench.result(String.format("audit-verify: full %s rows in %.1f s (target <= 60 s); from checkpoint %s rows in "
                + "%.2f s (target <= 1 s)", fullChecked, fullSeconds, incrementalChecked, incrementalSeconds));
    }
}
