package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.gatling.javaapi.core.Simulation;

/**
 * The data set alone ({@code bench/run dataset}): generates it (see {@link DataSet}), then shows that what it made
 * is the engine's own state: a generated complaint waiting for its acceptance review is taken through all seven
 * steps through {@code /api} to its close, and the audit chain with the generated rows verifies intact.
 */
public class DataSetSimulation extends Simulation {

    {
        try {
            Bench.result(DataSet.ensure(Bench.intProperty("bench.dataset.openTasks", 0)));
            long complaint = generatedComplaintInReview();
            long started = System.nanoTime();
            Walks.completeComplaint(complaint, 0, Walks.COMPLAINT_STEPS.length);
            String status = Walks.get("clerk", "/api/complaints/" + complaint).get("status").asText();
            Bench.result(String.format("dataset: generated complaint %d taken through its 7 steps through /api in %.1f s, "
                    + "status now %s", complaint, (System.nanoTime() - started) / 1e9, status));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        setUp(scenario("audit chain").exec(http("audit verify").get("/api/audit/verify").basicAuth("auditor", Bench.PASSWORD)
                        .check(status().is(200), jsonPath("$.intact").is("true"), jsonPath("$.rowsChecked").saveAs("rows")))
                .exec(session -> {
                    Bench.result("dataset: audit chain verified intact, " + session.getString("rows") + " rows");
                    return session;
                }).injectOpen(atOnceUsers(1))).protocols(Bench.protocol());
    }

    /** The newest complaint whose open task is the acceptance review: a clone, not a template. */
    static long generatedComplaintInReview() throws Exception {
        try (Connection db = AuditRows.connect(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT MAX(c.id) FROM complaint c JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = c.process_instance_id "
                        + "WHERE t.TASK_DEF_KEY_ = 'Task_ReviewAcceptance'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
