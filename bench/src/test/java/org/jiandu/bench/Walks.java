package org.jiandu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real walks the data set is cloned from: one record of each kind taken through {@code /api} to a given
 * step, by the users who do that step. Everything the application and the engine write for it (our rows, the
 * engine's runtime and history rows, the audit rows) becomes the template of its clones.
 */
final class Walks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** The steps of the complaint happy path after registration: user and completion body. */
    static final String[][] COMPLAINT_STEPS = {
            {"clerk", "{\"acceptanceDecision\":\"ACCEPT\"}"},
            {"lead", "{\"acceptanceApproved\":true}"},
            {"lead", "{\"supervisorId\":\"supervisor\"}"},
            {"supervisor", "{\"investigationAction\":\"PROPOSE\",\"proposal\":\"UNFOUNDED\",\"findings\":\"经调取执法记录，反映问题不属实。\"}"},
            {"lead", "{\"proposalApproved\":true}"},
            {"supervisor", "{\"replyText\":\"经调查，您反映的问题不属实。\"}"},
            {"clerk", "{\"satisfaction\":\"SATISFIED\"}"},
    };

    /** The letter → rectification path after creation (the agency liaison is filled in). */
    static final int LETTER_STEPS = 9;
    static final int CLUE_STEPS = 4;

    private Walks() {
    }

    /** Registers a complaint about {@code agency} and completes its first {@code steps} steps. */
    static void complaint(String agency, int steps) {
        JsonNode created = post("clerk", "/api/complaints", """
                {"source":"VISIT","anonymous":false,"complainantName":"压测数据","complainantPhone":"13800000000",
                 "agencyCode":"%s","fieldCode":"MARKET","occurredOn":"%s","occurredPlace":"人民路农贸市场",
                 "facts":"执法人员检查摊位时未出示执法证件。","demands":"请求依法核查并纠正。"}"""
                .formatted(agency, LocalDate.now().minusDays(3)), 201);
        completeComplaint(created.get("id").asLong(), 0, steps);
    }

    /** Completes steps {@code from} (0 = acceptance review) up to {@code to} of complaint {@code id} through /api. */
    static void completeComplaint(long id, int from, int to) {
        for (int i = from; i < to; i++) {
            String user = COMPLAINT_STEPS[i][0];
            String taskId = get(user, "/api/complaints/" + id).get("currentSteps").get(0).get("taskId").asText();
            post(user, "/api/complaints/" + id + "/tasks/" + taskId + "/complete", COMPLAINT_STEPS[i][1], 200);
        }
    }

    /**
     * Creates a letter to {@code agency} and takes it {@code steps} steps along (up to 9: draft, legal review,
     * sign, receive, reply, review reply, then its rectification's plan, completion, verification). Without
     * rectification the letter closes after its reply is accepted (6 steps).
     */
    static void letter(String agency, boolean rectification, int steps) {
        String liaison = "agency-" + agency.toLowerCase();
        String letter = ("{\"agencyCode\":\"%s\",\"source\":\"DIRECT\",\"title\":\"关于规范行政处罚程序的监督建议书\","
                + "\"body\":\"经查，你单位在办理行政处罚案件中存在未依法告知陈述申辩权利的问题。\",\"rectificationRequired\":%s}")
                .formatted(agency, rectification);
        long id = post("supervisor", "/api/letters", letter, 200, 201).get("letter").get("id").asLong();
        String[][] path = {
                {"supervisor", "/api/letters/" + id + "/draft", letter},
                {"legal", "/api/letters/" + id + "/legal-review", "{\"passed\":true}"},
                {"lead", "/api/letters/" + id + "/sign", "{\"passed\":true}"},
                {liaison, "/api/letters/" + id + "/receive", "{}"},
                {liaison, "/api/letters/" + id + "/reply", "{\"text\":\"收到，将制定整改方案。\"}"},
                {"supervisor", "/api/letters/" + id + "/reply-review", "{\"passed\":true}"},
        };
        for (int i = 0; i < Math.min(steps, path.length); i++) {
            post(path[i][0], path[i][1], path[i][2], 200);
        }
        if (steps <= path.length) {
            return;
        }
        long rectificationId = get(liaison, "/api/rectifications?letterId=" + id).get("items").get(0).get("id").asLong();
        String[][] rest = {
                {liaison, "/plan", "{\"planText\":\"组织培训，专项检查\",\"reportCycleDays\":10,\"completionDate\":\""
                        + LocalDate.now().plusMonths(2) + "\"}"},
                {liaison, "/completion", "{\"text\":\"已全部整改到位。\"}"},
                {"supervisor", "/verification", "{\"passed\":true,\"onsiteCheck\":false,\"reason\":\"整改到位\"}"},
        };
        for (int i = 0; i < steps - path.length; i++) {
            post(rest[i][0], "/api/rectifications/" + rectificationId + rest[i][1], rest[i][2], 200);
        }
    }

    /** Proposes a clue about {@code agency} and takes it {@code steps} steps along (legal review, approval, receipt, outcome). */
    static void clue(String agency, int steps) {
        long id = post("supervisor", "/api/clues", """
                {"categoryCode":"INACTION","facts":"对占道经营投诉长期不予处理。","personsInvolved":"陈某（中队长）","agencyCode":"%s"}"""
                .formatted(agency), 201).get("id").asLong();
        String[][] path = {
                {"legal", "/legal-review", "{\"passed\":true,\"opinion\":\"同意。\"}"},
                {"lead", "/approval", "{\"approved\":true,\"opinion\":\"同意。\"}"},
                {"discipline", "/receipt", "{}"},
                {"discipline", "/outcome", "{\"kind\":\"TALK_REMINDER\",\"text\":\"已对相关人员谈话提醒。\"}"},
        };
        for (int i = 0; i < steps; i++) {
            post(path[i][0], "/api/clues/" + id + path[i][1], path[i][2], 200);
        }
    }

    static JsonNode get(String user, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(Bench.BASE_URL + path))
                .header("Authorization", Bench.basic(user)).header("Accept", "application/json").GET().build());
        return check(response, "GET " + path, 200);
    }

    static JsonNode post(String user, String path, String body, int... expected) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(Bench.BASE_URL + path))
                .header("Authorization", Bench.basic(user)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        return check(response, "POST " + path + " as " + user, expected);
    }

    private static JsonNode check(HttpResponse<String> response, String what, int... expected) {
        for (int status : expected) {
            if (response.statusCode() == status) {
                try {
                    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new IllegalStateException(what + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
