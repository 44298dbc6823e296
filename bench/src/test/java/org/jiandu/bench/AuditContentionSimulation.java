package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.LocalDate;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 5a, audit writers under contention: {@code -Dbench.users} (default 16) staff at once each doing
 * {@code -Dbench.flows} (default 5) actions that write an audit row in a business transaction that also moves the
 * engine (register a complaint, then accept it), against the same count of bare-engine start + complete. With
 * the chain head locked by every writer until commit, the business transactions queue behind one another
 * (and on H2 time out); the ratio and the failures show it.
 */
public class AuditContentionSimulation extends Simulation {

    static final int USERS = Bench.intProperty("bench.users", 16);
    static final int FLOWS = Bench.intProperty("bench.flows", 5);

    static final ChainBuilder WRITE = exec(http("register (audit row)").post("/api/complaints").basicAuth("clerk", Bench.PASSWORD)
            .body(StringBody(session -> """
                    {"source":"PHONE","anonymous":true,"agencyCode":"HBJ","fieldCode":"ECOLOGY","occurredOn":"%s",
                     "occurredPlace":"东河桥下","facts":"夜间偷排（%s）。","demands":"请求查处。"}"""
                    .formatted(LocalDate.now().minusDays(1), Bench.unique())))
            .check(status().is(201), jsonPath("$.id").saveAs("complaintId")))
            .exec(http("complaint detail").get("/api/complaints/#{complaintId}").basicAuth("clerk", Bench.PASSWORD)
                    .check(jsonPath("$.currentSteps[0].taskId").saveAs("taskId")))
            .exec(http("accept (audit row)").post("/api/complaints/#{complaintId}/tasks/#{taskId}/complete")
                    .basicAuth("clerk", Bench.PASSWORD).body(StringBody("{\"acceptanceDecision\":\"ACCEPT\"}"))
                    .check(status().is(200)));

    static final ChainBuilder ENGINE = FlowRatioSimulation.engineFlow("benchEngine1", 1);

    {
        Bench.deployEngineBaseline("benchEngine1", 1);
        ScenarioBuilder warmUp = scenario("warm-up").exec(WRITE, ENGINE);
        setUp(warmUp.injectOpen(atOnceUsers(2)).andThen(
                FlowRatioSimulation.measured("audit writers /api", WRITE).injectOpen(atOnceUsers(USERS)).andThen(
                        FlowRatioSimulation.measured("engine start+complete", ENGINE).injectOpen(atOnceUsers(USERS)))))
                .protocols(Bench.protocol());
    }

    @Override
    public void after() {
        Bench.Phase api = Bench.Phase.of("audit writers /api");
        Bench.Phase engine = Bench.Phase.of("engine start+complete");
        Bench.result(String.format("audit-contention: %d users, /api register+accept %.2f/s (%d ok, %d failed), "
                        + "engine start+complete %.2f/s (%d ok, %d failed), ratio %.2f", USERS, api.flowsPerSecond(),
                api.flows(), api.failures(), engine.flowsPerSecond(), engine.flows(), engine.failures(),
                engine.flowsPerSecond() == 0 ? 0 : api.flowsPerSecond() / engine.flowsPerSecond()));
    }
}
