package org.jiandu.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One application node in a JVM of its own, on the shared database, with its own job executor and a random
 * port: what runs on each server of a cluster. {@link #kill()} ends the JVM at once (SIGKILL), as a crash or
 * a pulled plug would; nothing of the node gets to finish or roll back politely, the database does that.
 */
final class Node implements AutoCloseable {

    static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    final String name;
    final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Node(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node and waits until it answers its health check. */
    static Node start(String name, SharedDatabase database, String... properties) throws Exception {
        int port = freePort();
        Path logDir = Path.of("target", "cluster-nodes");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.jiandu.JianduApplication",
                "--server.port=" + port,
                "--spring.profiles.active=" + String.join(",", database.profiles()),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.jmx.enabled=false",
                // the job log names the node that ran each job
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--jiandu.demo.enabled=true",
                "--jiandu.clock.adjustable=true",
                "--camunda.bpm.job-execution.enabled=true",
                "--jiandu.archive.sweep-enabled=false",
                // the test stands behind a proxy on this machine: X-Forwarded-For names the client
                "--jiandu.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
                "--logging.level.root=WARN"));
        command.addAll(List.of(properties));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Node node = new Node(name, port, process, log);
        node.awaitHealthy(Duration.ofMinutes(4));
        return node;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " ended while starting:\n" + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("node " + name + " did not become healthy:\n" + tail());
    }

    Answer get(String user, String path) {
        return call("GET", user, PASSWORD, path, null);
    }

    Answer post(String user, String path, Object body) {
        return call("POST", user, PASSWORD, path, body);
    }

    Answer put(String user, String path, Object body) {
        return call("PUT", user, PASSWORD, path, body);
    }

    Answer delete(String user, String path) {
        return call("DELETE", user, PASSWORD, path, null);
    }

    /** A call with a given password ({@code user == null}: not logged in) and optional extra headers (name, value, ...). */
    Answer call(String method, String user, String password, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json");
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException("node " + name + ": " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moves this node's clock (the adjustable clock of tests) forward. */
    void advanceClock(int days, int minutes) {
        Answer answer = post("admin", "/api/admin/clock/advance", java.util.Map.of("days", days, "minutes", minutes));
        if (answer.status() != 200) {
            throw new IllegalStateException("node " + name + " refused to move its clock: " + answer);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Ends the JVM at once (SIGKILL): no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record Answer(int status, JsonNode body) {
        String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }
    }
}
