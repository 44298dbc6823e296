package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What every simulation shares: where the application is (set by bench/run), the demo users, the engine-only
 * baseline processes, wall-clock phases for flows per second, and the results file the run script prints.
 */
final class Bench {

    static final String BASE_URL = System.getProperty("bench.baseUrl", "http://127.0.0.1:18080");
    static final String PASSWORD = "demo";
    /**
     * The staff and liaisons whose inboxes the inbox and interactive scenarios read. Here, not on a simulation: a
     * simulation's class makes its data set when it is first touched (the inbox scenario once got the interactive
     * scenario's 10 % open tasks instead of its own 100,000 by reading this list from it).
     */
    static final List<String> INBOX_USERS = List.of("clerk", "supervisor", "supervisor2", "lead", "legal", "agency-scj",
            "agency-hbj", "discipline");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Bench() {
    }

    /** Seconds of warm-up a scenario runs before it measures ({@code -Dbench.warmup.seconds}; 0 for none). */
    static int warmUpSeconds(int defaultValue) {
        return intProperty("bench.warmup.seconds", defaultValue);
    }

    /**
     * {@code users} people looping over {@code loop} for {@code seconds} as the scenario "warm-up", then what is
     * measured; the loop's requests carry names of their own, which the figures and assertions leave out. A freshly
     * started JVM is slow for its first seconds (classes loaded, code not yet compiled): start-up, not the latency the
     * scenario is about (docs/PERFORMANCE.md, seventh and eighth rounds).
     */
    static PopulationBuilder afterWarmUp(int seconds, ChainBuilder loop, int users, PopulationBuilder measured) {
        return seconds <= 0 ? measured
                : scenario("warm-up").during(Duration.ofSeconds(seconds)).on(loop).injectOpen(atOnceUsers(users))
                        .andThen(measured);
    }

    static int intProperty(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(defaultValue)));
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .disableCaching();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Deploys a process of {@code tasks} plain user tasks in a row, with no listener, form, deadline or
     * business record of ours: the engine's own cost of the same number of steps. Deployed through
     * /engine-rest by the admin, only by the benchmark (it never reaches processes/).
     */
    static void deployEngineBaseline(String key, int tasks) {
        StringBuilder bpmn = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_%1$s" targetNamespace="http://jiandu.org/bench">
                  <bpmn:process id="%1$s" name="bench baseline" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                """.formatted(key));
        String previous = "Start";
        for (int i = 1; i <= tasks; i++) {
            bpmn.append("    <bpmn:userTask id=\"Task_").append(i).append("\" name=\"step ").append(i)
                    .append("\" camunda:candidateGroups=\"admin\"/>\n");
            bpmn.append("    <bpmn:sequenceFlow id=\"Flow_").append(i).append("\" sourceRef=\"").append(previous)
                    .append("\" targetRef=\"Task_").append(i).append("\"/>\n");
            previous = "Task_" + i;
        }
        bpmn.append("    <bpmn:endEvent id=\"End\"/>\n    <bpmn:sequenceFlow id=\"Flow_End\" sourceRef=\"").append(previous)
                .append("\" targetRef=\"End\"/>\n  </bpmn:process>\n</bpmn:definitions>\n");
        String boundary = "bench" + unique();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
                + ".bpmn\"\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/engine-rest/deployment/create"))
                .header("Authorization", basic("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Deploying the engine baseline failed: " + response.statusCode() + " "
                    + response.body());
        }
        // Nobody starts a process through the engine's doors (security.EngineLockdown); the admin may grant it,
        // for this benchmark-only process and nothing else. A second run finds the grant there already.
        authorize("{\"type\":1,\"userId\":\"admin\",\"resourceType\":6,\"resourceId\":\"" + key + "\","
                + "\"permissions\":[\"READ\",\"CREATE_INSTANCE\",\"READ_INSTANCE\",\"READ_TASK\",\"TASK_WORK\"]}");
        if (!instanceGrant) {
            instanceGrant = true;
            authorize("{\"type\":1,\"userId\":\"admin\",\"resourceType\":8,\"resourceId\":\"*\",\"permissions\":[\"CREATE\"]}");
        }
    }

    private static boolean instanceGrant;

    private static void authorize(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(BASE_URL + "/engine-rest/authorization/create"))
                .header("Authorization", basic("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() != 200 && !response.body().contains("already")) {
            System.out.println("BENCH grant " + json + ": " + response.statusCode() + " " + response.body());
        }
    }

    static HttpResponse<String> get(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).header("Authorization", basic(user))
                .header("Accept", "application/json").GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a line to the results file that bench/run prints at the end (and to standard output). */
    static void result(String line) {
        System.out.println("BENCH " + line);
        String file = System.getProperty("bench.results");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), LocalDateTime.now().withNano(0) + " " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The wall-clock span of a phase of the run and the flows completed in it: flows per second. */
    static final class Phase {

        private static final Map<String, Phase> PHASES = new ConcurrentHashMap<>();

        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong();
        private final AtomicLong flows = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();

        static Phase of(String name) {
            return PHASES.computeIfAbsent(name, n -> new Phase());
        }

        void started() {
            firstStart.accumulateAndGet(System.nanoTime(), Math::min);
        }

        void finished(boolean ok) {
            (ok ? flows : failures).incrementAndGet();
            lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
        }

        long flows() {
            return flows.get();
        }

        long failures() {
            return failures.get();
        }

        double flowsPerSecond() {
            long span = lastEnd.get() - firstStart.get();
            return span <= 0 ? 0 : flows.get() * 1e9 / span;
        }
    }
}
