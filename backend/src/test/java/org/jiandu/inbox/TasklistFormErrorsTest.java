package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tasklist submits forms to the webapps' engine API ({@code /camunda/api/engine}), logged in with a session and a
 * CSRF token as a browser is. A submission the form's rules refuse is a 400 whose message is the Chinese rule
 * text (Tasklist shows it as is), not a 500 naming ENGINE-03051 and a TaskListener.
 */
class TasklistFormErrorsTest extends IntegrationTest {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void aRefusedFormAnswers400WithOnlyTheChineseRuleText() throws Exception {
        String taskId = newAcceptanceReview();
        logIn("supervisor");
        assertThat(send("/task/" + taskId + "/claim", "{\"userId\":\"supervisor\"}").statusCode()).isEqualTo(204);

        HttpResponse<String> noReason = send("/task/" + taskId + "/submit-form",
                "{\"variables\":{\"acceptanceDecision\":{\"value\":\"REJECT\",\"type\":\"String\"}}}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        JsonNode refused = json.readTree(noReason.body());
        assertThat(refused.get("message").asText()).contains("“理由”为必填项").doesNotContain("ENGINE").doesNotContain("Listener");
        assertThat(refused.get("fields").has("reason")).isTrue();

        HttpResponse<String> noAuthority = send("/task/" + taskId + "/submit-form",
                "{\"variables\":{\"acceptanceDecision\":{\"value\":\"HAND_OVER\",\"type\":\"String\"},"
                        + "\"reason\":{\"value\":\"不属本机关管辖\",\"type\":\"String\"}}}");
        assertThat(noAuthority.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noAuthority.body()).get("message").asText()).contains("有权处理的机关").doesNotContain("ENGINE");

        HttpResponse<String> accepted = send("/task/" + taskId + "/submit-form",
                "{\"variables\":{\"acceptanceDecision\":{\"value\":\"ACCEPT\",\"type\":\"String\"}}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    }

    private String newAcceptanceReview() throws Exception {
        String body = json.writeValueAsString(Map.of("anonymous", true, "agencyCode", "SCJ", "fieldCode", "MARKET",
                "occurredOn", LocalDate.now().minusDays(2).toString(), "occurredPlace", "人民路农贸市场",
                "facts", "执法人员未出示执法证件。", "demands", "请求依法核查。"));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/public/complaints"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.78.0.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String trackingNo = json.readTree(created.body()).get("trackingNo").asText();
        long id = jdbc.queryForObject("SELECT id FROM complaint WHERE tracking_no = ?", Long.class, trackingNo);
        return get("lead", "/api/complaints/" + id).body().get("currentSteps").get(0).get("taskId").asText();
    }

    /** As the Tasklist page does: fetch a CSRF token, log in, fetch the session's new token. */
    private void logIn(String user) throws Exception {
        browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-XSRF-TOKEN", token()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count")).header("X-XSRF-TOKEN", token())
                .GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    private HttpResponse<String> send(String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
                .header("X-XSRF-TOKEN", token()).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String token() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
                .reduce((first, second) -> second).map(HttpCookie::getValue).orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
