package org.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class SecurityTest extends IntegrationTest {

    @Test
    void apiAndEngineRestRequireLogin() {
        Response api = get(null, "/api/me");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).isEqualTo("application/problem+json");
        assertThat(api.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.headers().getFirst("WWW-Authenticate")).startsWith("Basic");

        assertThat(get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(get(null, "/engine-rest/process-definition").status()).isEqualTo(401);
        // a wrong password locks the account for a few seconds (Camunda's login delay): use an account of its own
        String userId = "wrongpw-" + System.nanoTime() % 1_000_000;
        assertThat(post("admin", "/api/admin/users", Map.of("userId", userId, "displayName", "密码错误测试",
                "password", "right-password", "orgCode", "SFJ-JDK", "roles", List.of("clerk"))).status()).isEqualTo(201);
        assertThat(callWithPassword(HttpMethod.GET, userId, "wrong", "/api/me", null).status()).isEqualTo(401);
        assertThat(callWithPassword(HttpMethod.GET, "nobody", "demo", "/engine-rest/task", null).status()).isEqualTo(401);
    }

    @Test
    void rightRoleIsServedAndWrongRoleRefused() {
        Response me = get("lead", "/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("userId").asText()).isEqualTo("lead");
        assertThat(me.body().get("org").get("code").asText()).isEqualTo("SFJ-JDK");
        assertThat(me.body().get("roles").get(0).get("id").asText()).isEqualTo("lead");

        Response refused = get("clerk", "/api/admin/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        assertThat(put("supervisor", "/api/deadline-policies/task.default",
                Map.of("days", 9, "dayKind", "WORKING", "reminderDays", 1)).status()).isEqualTo(403);
        assertThat(put("agency-scj", "/api/calendar/exceptions/2031-01-06",
                Map.of("kind", "HOLIDAY", "name", "x")).status()).isEqualTo(403);

        assertThat(get("admin", "/api/admin/users").status()).isEqualTo(200);
        // the engine's REST API is for admins and integration accounts; staff and agencies use /api and Tasklist
        assertThat(get("admin", "/engine-rest/process-definition").status()).isEqualTo(200);
        assertThat(get("integration", "/engine-rest/process-definition").status()).isEqualTo(200);
        Response engineRest = get("supervisor", "/engine-rest/process-definition");
        assertThat(engineRest.status()).isEqualTo(403);
        assertThat(engineRest.code()).isEqualTo("FORBIDDEN");
        assertThat(get("agency-scj", "/engine-rest/task").status()).isEqualTo(403);
    }

    @Test
    void engineSeesTheCallerAsAuthenticatedUser() {
        // Camunda's own identity endpoint answers with the engine's authenticated user of the request
        Response identity = get("integration", "/engine-rest/identity/groups?userId=integration");
        assertThat(identity.status()).isEqualTo(200);
        List<String> groups = identity.body().get("groups").findValuesAsText("id");
        assertThat(groups).contains("integration", "org-SFJ");
    }

    @Test
    void disabledUserIsRefusedEverywhere() throws Exception {
        String userId = "tmp-" + System.nanoTime() % 1_000_000;
        Response created = post("admin", "/api/admin/users", Map.of("userId", userId, "displayName", "临时用户",
                "password", "secret-123", "orgCode", "SCJ", "roles", List.of("agency")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(callWithPassword(HttpMethod.GET, userId, "secret-123", "/api/me", null).status()).isEqualTo(200);
        assertThat(webappLogin(userId, "secret-123")).isEqualTo(200);

        assertThat(post("admin", "/api/admin/users/" + userId + "/disable", null).status()).isEqualTo(200);

        assertThat(callWithPassword(HttpMethod.GET, userId, "secret-123", "/api/me", null).status()).isEqualTo(401);
        assertThat(callWithPassword(HttpMethod.GET, userId, "secret-123", "/engine-rest/task", null).status())
                .isEqualTo(401);
        assertThat(webappLogin(userId, "secret-123")).isNotEqualTo(200);

        assertThat(post("admin", "/api/admin/users/" + userId + "/enable", null).status()).isEqualTo(200);
        assertThat(callWithPassword(HttpMethod.GET, userId, "secret-123", "/api/me", null).status()).isEqualTo(200);
    }

    @Test
    void theWebappsFirstStartSetupIsClosedAndAdminsAreNotEngineSuperusers() throws Exception {
        HttpRequest setup = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-1\"}}"))
                .build();
        assertThat(HttpClient.newHttpClient().send(setup, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'intruder'", Integer.class)).isZero();
        // camunda-admin passes every authorization check (clues included): our admins hold grants instead
        assertThat(jdbc.queryForList("SELECT USER_ID_ FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ = 'camunda-admin'",
                String.class)).doesNotContain("admin");
    }

    @Test
    void healthAndApiDocsArePublicMetricsAreForAdmins() {
        assertThat(get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(get(null, "/v3/api-docs").status()).isEqualTo(200);
        assertThat(get("lead", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(get("admin", "/actuator/prometheus").status()).isEqualTo(200);
    }

    /** The Tasklist login form of the webapps, which has its own session login on the same users. */
    private int webappLogin(String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        // the webapps hand out their CSRF token with the first page
        HttpResponse<Void> page = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest login = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return browser.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
