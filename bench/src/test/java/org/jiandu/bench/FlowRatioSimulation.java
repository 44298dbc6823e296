package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.LocalDate;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 1, flow ratio: the complaint happy path (register + 7 steps) and the letter → rectification path
 * (create + 9 steps) through /api, each against the same number of user tasks on the bare engine through
 * /engine-rest, one after the other in the same run, with the same number of virtual users
 * ({@code -Dbench.users}, default 8) each doing {@code -Dbench.flows} flows (default 5) after a warm-up: the same
 * users running all four flows in turn for {@code -Dbench.warmup.seconds} (default 30), not counted (0: one flow of
 * each by two users, as before the eighth round of docs/PERFORMANCE.md, when the first phase, complaints through
 * /api, met a JVM still compiling the code they share with the engine side).
 * Prints flows per second of each phase and the ratios api/engine; Gatling's report has the percentiles of
 * every request. Each step through /api is sent with {@code Prefer: return=minimal} (RFC 7240; the engine's
 * completion answers 204 without a body too, and the flow reads the record only where it needs the next
 * task's id); {@code -Dbench.prefer=return=representation} answers every step with the record's new state.
 */
public class FlowRatioSimulation extends Simulation {

    static final String ENGINE_8 = "benchEngine8";
    static final String ENGINE_9 = "benchEngine9";
    static final int USERS = Bench.intProperty("bench.users", 8);
    static final int FLOWS = Bench.intProperty("bench.flows", 5);
    static final String PREFER = System.getProperty("bench.prefer", "return=minimal");
    static final int WARM_UP = Bench.warmUpSeconds(30);

    // ---- complaint happy path through /api: register, then 7 steps, each step found from the detail
    static ChainBuilder complaintStep(String name, String user, String body) {
        return exec(http("complaint detail").get("/api/complaints/#{complaintId}").basicAuth(user, Bench.PASSWORD)
                        .check(jsonPath("$.currentSteps[0].taskId").saveAs("taskId")))
                .exec(http("complaint " + name).post("/api/complaints/#{complaintId}/tasks/#{taskId}/complete")
                        .basicAuth(user, Bench.PASSWORD).header("Prefer", PREFER).body(StringBody(body))
                        .check(status().in(200, 204)));
    }

    static final ChainBuilder COMPLAINT_FLOW = exec(http("complaint register").post("/api/complaints")
            .basicAuth("clerk", Bench.PASSWORD)
            .body(StringBody(session -> """
                    {"source":"VISIT","anonymous":false,"complainantName":"压测%s","complainantPhone":"13800000000",
                     "agencyCode":"SCJ","fieldCode":"MARKET","occurredOn":"%s","occurredPlace":"人民路农贸市场",
                     "facts":"执法人员检查摊位时未出示执法证件（%s）。","demands":"请求依法核查并纠正。"}"""
                    .formatted(Bench.unique(), LocalDate.now().minusDays(3), Bench.unique())))
            .check(status().is(201), jsonPath("$.id").saveAs("complaintId")))
            .exec(complaintStep("review acceptance", "clerk", "{\"acceptanceDecision\":\"ACCEPT\"}"))
            .exec(complaintStep("approve acceptance", "lead", "{\"acceptanceApproved\":true}"))
            .exec(complaintStep("assign supervisor", "lead", "{\"supervisorId\":\"supervisor\"}"))
            .exec(complaintStep("investigate", "supervisor", "{\"investigationAction\":\"PROPOSE\","
                    + "\"proposal\":\"UNFOUNDED\",\"findings\":\"经调取执法记录，反映问题不属实。\"}"))
            .exec(complaintStep("approve proposal", "lead", "{\"proposalApproved\":true}"))
            .exec(complaintStep("write reply", "supervisor", "{\"replyText\":\"经调查，您反映的问题不属实。\"}"))
            .exec(complaintStep("return visit", "clerk", "{\"satisfaction\":\"SATISFIED\"}"));

    // ---- letter → rectification through /api: create, then 9 steps
    static ChainBuilder letterStep(String name, String user, String path, String body) {
        return exec(http("letter " + name).post(path).basicAuth(user, Bench.PASSWORD).header("Prefer", PREFER)
                .body(StringBody(body)).check(status().in(200, 204)));
    }

    static final String LETTER = "{\"agencyCode\":\"SCJ\",\"source\":\"DIRECT\",\"title\":\"关于规范行政处罚程序的监督建议书\","
            + "\"body\":\"经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。\",\"rectificationRequired\":true}";

    static final ChainBuilder LETTER_FLOW = exec(http("letter create").post("/api/letters")
            .basicAuth("supervisor", Bench.PASSWORD).body(StringBody(LETTER))
            .check(status().in(200, 201), jsonPath("$.letter.id").saveAs("letterId")))
            .exec(letterStep("draft", "supervisor", "/api/letters/#{letterId}/draft", LETTER))
            .exec(letterStep("legal review", "legal", "/api/letters/#{letterId}/legal-review", "{\"passed\":true}"))
            .exec(letterStep("sign", "lead", "/api/letters/#{letterId}/sign", "{\"passed\":true}"))
            .exec(letterStep("receive", "agency-scj", "/api/letters/#{letterId}/receive", "{}"))
            .exec(letterStep("reply", "agency-scj", "/api/letters/#{letterId}/reply", "{\"text\":\"收到，将制定整改方案。\"}"))
            .exec(letterStep("review reply", "supervisor", "/api/letters/#{letterId}/reply-review", "{\"passed\":true}"))
            .exec(http("rectification find").get("/api/rectifications?letterId=#{letterId}")
                    .basicAuth("agency-scj", Bench.PASSWORD).check(jsonPath("$.items[0].id").saveAs("rectificationId")))
            .exec(letterStep("plan", "agency-scj", "/api/rectifications/#{rectificationId}/plan",
                    "{\"planText\":\"组织培训，专项检查\",\"reportCycleDays\":10,\"completionDate\":\""
                            + LocalDate.now().plusMonths(2) + "\"}"))
            .exec(letterStep("completion", "agency-scj", "/api/rectifications/#{rectificationId}/completion",
                    "{\"text\":\"已全部整改到位。\"}"))
            .exec(letterStep("verification", "supervisor", "/api/rectifications/#{rectificationId}/verification",
                    "{\"passed\":true,\"onsiteCheck\":false,\"reason\":\"整改到位\"}"));

    // ---- the same number of user tasks on the bare engine: start, then per task find it and complete it
    static ChainBuilder engineFlow(String key, int tasks) {
        return exec(http("engine start").post("/engine-rest/process-definition/key/" + key + "/start")
                .basicAuth("admin", Bench.PASSWORD)
                .body(StringBody(session -> "{\"businessKey\":\"BENCH-" + Bench.unique() + Bench.unique() + "\"}"))
                .check(status().is(200), jsonPath("$.id").saveAs("processInstanceId")))
                .exec(repeat(tasks).on(
                        exec(http("engine task").get("/engine-rest/task?processInstanceId=#{processInstanceId}")
                                .basicAuth("admin", Bench.PASSWORD).check(jsonPath("$[0].id").saveAs("taskId")))
                        .exec(http("engine complete").post("/engine-rest/task/#{taskId}/complete")
                                .basicAuth("admin", Bench.PASSWORD).body(StringBody("{}")).check(status().is(204)))));
    }

    static ScenarioBuilder measured(String phase, ChainBuilder flow) {
        Bench.Phase timing = Bench.Phase.of(phase);
        return scenario(phase).exec(session -> {
            timing.started();
            return session;
        }).repeat(FLOWS).on(exec(session -> session.markAsSucceeded().removeAll("complaintId", "taskId",
                        "letterId", "rectificationId", "processInstanceId"))
                .group(phase).on(exitBlockOnFail().on(flow))
                .exec(session -> {
                    timing.finished(!session.isFailed());
                    return session;
                }));
    }

    {
        Bench.deployEngineBaseline(ENGINE_8, 8);
        Bench.deployEngineBaseline(ENGINE_9, 9);
        ChainBuilder allFlows = exec(COMPLAINT_FLOW, engineFlow(ENGINE_8, 8), LETTER_FLOW, engineFlow(ENGINE_9, 9));
        PopulationBuilder phases = measured("complaint /api", COMPLAINT_FLOW).injectOpen(atOnceUsers(USERS)).andThen(
                measured("complaint engine (8 tasks)", engineFlow(ENGINE_8, 8)).injectOpen(atOnceUsers(USERS))
                        .andThen(measured("letter /api", LETTER_FLOW).injectOpen(atOnceUsers(USERS)).andThen(
                                measured("letter engine (9 tasks)", engineFlow(ENGINE_9, 9))
                                        .injectOpen(atOnceUsers(USERS)))));
        PopulationBuilder chain = WARM_UP > 0 ? Bench.afterWarmUp(WARM_UP, allFlows, USERS, phases)
                : scenario("warm-up").exec(allFlows).injectOpen(atOnceUsers(2)).andThen(phases);
        setUp(chain).protocols(Bench.protocol());
    }

    @Override
    public void after() {
        report("complaint", "complaint /api", "complaint engine (8 tasks)");
        report("letter", "letter /api", "letter engine (9 tasks)");
    }

    private static void report(String name, String api, String engine) {
        Bench.Phase a = Bench.Phase.of(api);
        Bench.Phase e = Bench.Phase.of(engine);
        Bench.result(String.format("flow-ratio %s: /api %.2f flows/s (%d ok, %d failed), engine %.2f flows/s "
                        + "(%d ok, %d failed), ratio %.2f (target >= 0.8), %d users, Prefer: %s", name, a.flowsPerSecond(), a.flows(),
                a.failures(), e.flowsPerSecond(), e.flows(), e.failures(),
                e.flowsPerSecond() == 0 ? 0 : a.flowsPerSecond() / e.flowsPerSecond(), USERS, PREFER));
    }
}
