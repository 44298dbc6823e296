package org.jiandu.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Twenty people press 提交 on one complaint step at once: one completes it, the others are told they lost the race. */
class ComplaintTaskRaceTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void parallelCompletionsOfOneStepAreOneSuccessAndConflictsNeverAServerError() throws Exception {
        String body = json.writeValueAsString(Map.of("anonymous", true, "agencyCode", "SCJ", "fieldCode", "MARKET",
                "occurredOn", LocalDate.now().minusDays(2).toString(), "occurredPlace", "人民路农贸市场",
                "facts", "执法人员未出示执法证件。", "demands", "请求依法核查。"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/public/complaints"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.77.0.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String trackingNo = json.readTree(created.body()).get("trackingNo").asText();
        long id = jdbc.queryForObject("SELECT id FROM complaint WHERE tracking_no = ?", Long.class, trackingNo);
        String taskId = get("lead", "/api/complaints/" + id).body().get("currentSteps").get(0).get("taskId").asText();

        int people = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < people; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return http.send(HttpRequest.newBuilder(uri("/api/complaints/" + id + "/tasks/" + taskId + "/complete"))
                                .header("Authorization", basic("clerk", PASSWORD)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"acceptanceDecision\":\"ACCEPT\"}"))
                                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            start.countDown();
            int completed = 0;
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    completed++;
                    continue;
                }
                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                JsonNode problem = json.readTree(response.body());
                assertThat(problem.get("code").asText()).as(response.body()).isEqualTo("CONCURRENT_CHANGE");
            }
            assertThat(completed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // the step was done once: one approval task follows, one decision in the history
        assertThat(get("lead", "/api/complaints/" + id).body().get("currentSteps")).hasSize(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
