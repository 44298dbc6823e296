package org.jiandu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every error under {@code /api} is {@code application/problem+json} with a stable code and a Chinese
 * detail, including those no controller sees: an unknown path, a wrong method, a path Tomcat refuses, an
 * upload over the container's limit, a multipart body that cannot be parsed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownPathWrongMethodAndWrongContentTypeAreProblems() throws Exception {
        assertProblem(send("GET", "/api/no-such-thing", "clerk", null, null), 404, "NOT_FOUND");
        assertProblem(send("GET", "/api/no-such-thing", "clerk", null, null, "text/html"), 404, "NOT_FOUND");
        assertProblem(send("DELETE", "/api/complaints", "clerk", null, null), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send("POST", "/api/complaints", "clerk", "text/plain", "x".getBytes()), 415, "UNSUPPORTED_MEDIA_TYPE");
        // a multipart-only operation given JSON
        assertProblem(send("POST", "/api/complaints/1/evidence", "clerk", "application/json", "{}".getBytes()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void pathsTomcatRefusesAreProblemsUnderApi() throws Exception {
        assertProblem(send("GET", "/api/complaints/1%2F2", "clerk", null, null), 400, "MALFORMED_REQUEST");
        assertProblem(send("GET", "/api/complaints/1%002", "clerk", null, null), 400, "MALFORMED_REQUEST");
        assertProblem(send("GET", "/api/complaints?q=" + "x".repeat(20_000), "clerk", null, null), 400, "MALFORMED_REQUEST");
    }

    @Test
    void unparseableMultipartIsTheClientsFault() throws Exception {
        assertProblem(send("POST", "/api/public/complaints", null, "multipart/form-data", "--x--".getBytes()), 400,
                "MALFORMED_MULTIPART");
        byte[] nulName = ("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\u0000b.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        assertProblem(send("POST", "/api/complaints/1/evidence", "clerk", "multipart/form-data; boundary=b", nulName), 400,
                "FILE_NAME_INVALID");
        assertProblem(send("POST", "/api/public/complaints", null, "multipart/form-data; boundary=b", nulName), 400,
                "FILE_NAME_INVALID");
    }

    @Test
    void anUploadOverTheContainerLimitIs413WithAProblem() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[21 * 1024 * 1024]);
        body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        assertProblem(send("POST", "/api/complaints/1/evidence", "clerk", "multipart/form-data; boundary=b",
                body.toByteArray()), 413, "FILE_TOO_LARGE");
    }

    @Test
    void oneHundredIsTheLargestPageEverywhereAndNothingIsClamped() throws Exception {
        for (String list : new String[] {"/api/complaints", "/api/letters", "/api/cases", "/api/rectifications", "/api/clues",
                "/api/tasks", "/api/notifications"}) {
            assertProblem(send("GET", list + "?page=-5", "lead", null, null), 400, "INVALID_PARAMETER");
            assertProblem(send("GET", list + "?size=0", "lead", null, null), 400, "INVALID_PARAMETER");
            assertProblem(send("GET", list + "?size=101", "lead", null, null), 400, "INVALID_PARAMETER");
            HttpResponse<String> page = send("GET", list + "?page=0&size=100", "lead", null, null);
            assertThat(page.statusCode()).as(list + " " + page.body()).isEqualTo(200);
        }
        JsonNode problem = json.readTree(send("GET", "/api/letters?size=100000", "lead", null, null).body());
        assertThat(problem.get("detail").asText()).contains("size").contains("1 至 100");
    }

    @Test
    void controlCharactersAndDirectionOverridesAreRefusedEverywhereTheyComeIn() throws Exception {
        Map<String, Object> org = Map.of("code", "RTL", "name", "市交通\u202E局运输", "kind", "AGENCY",
                "adminLevel", "CITY", "parentCode", "CITY");
        Response refused = post("admin", "/api/admin/orgs", org);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_TEXT");
        assertThat(refused.body().get("fields").has("name")).isTrue();
        assertThat(refused.body().get("detail").asText()).contains("U+202E");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE code = 'RTL'", Long.class)).isZero();
        assertProblem(send("GET", "/api/complaints?q=a%00b", "clerk", null, null), 400, "INVALID_TEXT");
        // ordinary line breaks and tabs are text
        String code = "TAB-" + System.nanoTime() % 1_000_000_000L; // its own organisation, run after run on one database
        assertThat(post("admin", "/api/admin/orgs", Map.of("code", code, "name", "市\t交通局", "kind", "AGENCY",
                "adminLevel", "CITY", "parentCode", "CITY")).status()).isEqualTo(201);
    }

    /**
     * A form the engine's listener refuses (inside an engine command) answers 400 FORM_INVALID with its fields and
     * logs one WARN line with the code: no ENGINE-16004 error, no stack trace.
     */
    @Test
    void aRefusalInsideTheEngineIsOneWarnLineNotAnError(CapturedOutput output) throws Exception {
        String complaint = json.writeValueAsString(Map.of("anonymous", true, "agencyCode", "SCJ", "fieldCode", "MARKET",
                "occurredOn", java.time.LocalDate.now().minusDays(2).toString(), "occurredPlace", "人民路农贸市场",
                "facts", "执法人员未出示执法证件。", "demands", "请求依法核查。"));
        HttpResponse<String> created = send("POST", "/api/public/complaints", null, "application/json",
                complaint.getBytes(StandardCharsets.UTF_8));
        String trackingNo = json.readTree(created.body()).get("trackingNo").asText();
        long id = jdbc.queryForObject("SELECT id FROM complaint WHERE tracking_no = ?", Long.class, trackingNo);
        String taskId = get("lead", "/api/complaints/" + id).body().get("currentSteps").get(0).get("taskId").asText();
        assertThat(post("supervisor", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        int before = output.getOut().length();

        Response refused = post("supervisor", "/api/tasks/" + taskId + "/complete",
                Map.of("values", Map.of("acceptanceDecision", "REJECT")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("FORM_INVALID");
        assertThat(refused.body().get("fields").get("reason").asText()).isEqualTo("“理由”为必填项");
        String logged = output.getOut().substring(before);
        assertThat(logged.lines().filter(line -> line.contains(taskId))).singleElement().asString()
                .contains("WARN").contains("400 FORM_INVALID");
        assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    private HttpResponse<String> send(String method, String path, String user, String contentType, byte[] body)
            throws Exception {
        return send(method, path, user, contentType, body, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String user, String contentType, byte[] body,
                                      String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept)
                .header("X-Forwarded-For", "10.99." + (System.nanoTime() % 250) + "." + (System.nanoTime() % 249 + 1))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.uri().toString())
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).as(response.body()).containsPattern("\\p{IsHan}");
    }
}
