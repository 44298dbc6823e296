package org.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A caller who may not use an endpoint is refused before anything else (403, or 404 where even the existence
 * of the records is kept from them), whatever they send: never a 400 that tells them what the endpoint expects.
 * Driven by {@code /v3/api-docs} and its {@code x-roles}, so every new endpoint is covered as soon as it exists.
 */
class RoleRulesApiTest extends IntegrationTest {

    static final List<String> DEMO_USERS = List.of("admin", "clerk", "supervisor", "supervisor2", "lead", "legal",
            "auditor", "discipline", "agency-scj", "agency-hbj", "integration");
    static final String MALFORMED = "not a value {";
    static final String MULTIPART = "multipart/form-data; boundary=jiandu-test";

    private final RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
            .defaultStatusHandler(status -> true, (request, response) -> { }).build();

    @Test
    void everyOperationStatesWhoMayUseIt() {
        Map<String, JsonNode> operations = protectedOperations();
        assertThat(operations).hasSizeGreaterThan(50);
        List<String> undeclared = operations.entrySet().stream()
                .filter(operation -> !operation.getValue().has("x-roles")).map(Map.Entry::getKey).toList();
        assertThat(undeclared).as("operations without x-roles").isEmpty();
        assertThat(roles(operations.get("PUT /api/deadline-policies/{key}"))).containsExactly("admin");
        assertThat(roles(operations.get("GET /api/deadline-policies/{key}"))).containsExactly("*");
        assertThat(roles(operations.get("GET /api/me"))).containsExactly("*");
        assertThat(roles(operations.get("POST /api/clues/{id}/legal-review"))).containsExactly("legal-reviewer");
    }

    @Test
    void theRoleIsCheckedBeforeTheBody() {
        Response supervisor = send(HttpMethod.PUT, "supervisor", "/api/deadline-policies/complaint.acceptance",
                MediaType.APPLICATION_JSON_VALUE, "{}");
        assertThat(supervisor.status()).isEqualTo(403);
        assertThat(supervisor.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(supervisor.code()).isEqualTo("FORBIDDEN");
        assertThat(supervisor.body().get("detail").asText()).isEqualTo("您没有执行此操作的权限。");
        assertThat(send(HttpMethod.PUT, "admin", "/api/deadline-policies/complaint.acceptance",
                MediaType.APPLICATION_JSON_VALUE, "{}").code()).isEqualTo("VALIDATION_FAILED");

        // an agency does not learn that clue transfers exist, whatever it sends
        Response agency = send(HttpMethod.POST, "agency-scj", "/api/clues", MediaType.APPLICATION_JSON_VALUE, "{");
        assertThat(agency.status()).isEqualTo(404);
        assertThat(agency.code()).isEqualTo("CLUE_NOT_FOUND");
        // an upload is refused before its parts are read
        Response clerkUpload = send(HttpMethod.POST, "clerk", "/api/letters/1/reply", MULTIPART, "--jiandu-test\r\nbroken");
        assertThat(clerkUpload.status()).isEqualTo(403);
        assertThat(clerkUpload.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aCallerWhoMayNotUseAnOperationIsRefusedWhateverTheySend() {
        // one demo user of each set of roles (supervisor2 and agency-hbj are refused as their colleagues are)
        Map<Set<String>, String> userOfRoles = new LinkedHashMap<>();
        for (String user : DEMO_USERS) {
            Response me = get(user, "/api/me");
            assertThat(me.status()).as(user).isEqualTo(200);
            userOfRoles.putIfAbsent(new TreeSet<>(me.body().get("roles").findValuesAsText("id")), user);
        }
        assertThat(userOfRoles).hasSize(Role.values().length);
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Map.Entry<String, JsonNode> entry : protectedOperations().entrySet()) {
            Set<String> allowed = new TreeSet<>(roles(entry.getValue()));
            if (allowed.contains("*")) {
                continue;
            }
            HttpMethod method = HttpMethod.valueOf(entry.getKey().substring(0, entry.getKey().indexOf(' ')));
            String path = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            for (Map.Entry<Set<String>, String> user : userOfRoles.entrySet()) {
                if (!Collections.disjoint(user.getKey(), allowed)) {
                    continue;
                }
                for (Attempt attempt : attempts(path, entry.getValue())) {
                    Response answer = send(method, user.getValue(), attempt.uri(), attempt.contentType(), attempt.body());
                    refusals++;
                    boolean refused = (answer.status() == 403 || answer.status() == 404)
                            && MediaType.APPLICATION_PROBLEM_JSON_VALUE.equals(answer.contentType())
                            && answer.code() != null;
                    if (!refused) {
                        wrong.add(user.getValue() + " " + method + " " + attempt + " → " + answer);
                    }
                }
            }
        }
        assertThat(wrong).as("answers to callers who may not use the operation").isEmpty();
        assertThat(refusals).isGreaterThan(400);
    }

    /** Every operation under /api except the public intake, as "METHOD /path". */
    private Map<String, JsonNode> protectedOperations() {
        Response docs = get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        docs.body().get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/") && !path.getKey().startsWith("/api/public/")) {
                path.getValue().fields().forEachRemaining(operation ->
                        operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
            }
        });
        return operations;
    }

    private static List<String> roles(JsonNode operation) {
        assertThat(operation).isNotNull();
        JsonNode roles = operation.get("x-roles");
        return roles == null ? List.of() : StreamSupport.stream(roles.spliterator(), false).map(JsonNode::asText).toList();
    }

    /**
     * An empty request (placeholder path values, no parameters, an empty body of each declared type) and a
     * malformed one (garbage in every path value and query parameter, a broken body of each declared type).
     */
    private static List<Attempt> attempts(String path, JsonNode operation) {
        List<String> query = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asText())) {
                query.add(parameter.get("name").asText());
            }
        });
        String placeholder = path.replaceAll("\\{[^}]+}", "x");
        String garbage = path.replaceAll("\\{[^}]+}", encode(MALFORMED))
                + (query.isEmpty() ? "" : "?" + String.join("&", query.stream().map(name -> name + "=" + encode(MALFORMED)).toList()));
        List<String> types = new ArrayList<>();
        operation.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
        List<Attempt> attempts = new ArrayList<>();
        if (types.isEmpty()) {
            attempts.add(new Attempt(placeholder, null, null));
            attempts.add(new Attempt(garbage, MediaType.APPLICATION_JSON_VALUE, "{\"broken\": "));
        }
        for (String type : types) {
            boolean multipart = type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
            String contentType = multipart ? MULTIPART : type;
            attempts.add(new Attempt(placeholder, contentType, ""));
            attempts.add(new Attempt(garbage, contentType, multipart ? "--jiandu-test\r\nbroken" : "{\"broken\": "));
        }
        return attempts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Response send(HttpMethod method, String user, String uri, String contentType, String body) {
        RestClient.RequestBodySpec request = client.method(method).uri(URI.create("http://localhost:" + port + uri))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL)
                .header(HttpHeaders.AUTHORIZATION, basic(user, PASSWORD));
        if (contentType != null) {
            request.header(HttpHeaders.CONTENT_TYPE, contentType).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            MediaType type = res.getHeaders().getContentType();
            JsonNode node = bytes.length > 0 && type != null && type.getSubtype().contains("json") ? json.readTree(bytes) : null;
            return new Response(res.getStatusCode().value(), node, res.getHeaders(), bytes);
        });
    }

    record Attempt(String uri, String contentType, String body) {

        @Override
        public String toString() {
            return uri + (contentType == null ? "" : " [" + contentType + "] " + body);
        }
    }
}
