package org.jiandu.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jiandu.JianduApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A closed record outlives the engine's history: once its retention period (here 10 years, the complaint's) has
 * passed, it is archived, Camunda's history cleanup removes its history, and its archive package still verifies;
 * a changed file in the package is found. Runs an application of its own on an empty database (H2, or a new
 * database on the MariaDB / MySQL server under test), whose clock it moves ten years on: tag {@code own-jvm}.
 */
@Tag("own-jvm")
class ArchiveRetentionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    @TempDir
    Path archiveDir;

    private ConfigurableApplicationContext app;
    private RestClient client;
    private String serverUrl;
    private String databaseName;

    @BeforeEach
    void startOnAnEmptyDatabase() throws Exception {
        StandardEnvironment configured = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(configured);
        String url = configured.getProperty("spring.datasource.url");
        databaseName = "jiandu_archive_" + Long.toString(System.nanoTime(), 36);
        if (url != null && url.startsWith("jdbc:mysql:")) {
            serverUrl = url;
            try (Connection connection = connect(configured, url); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + databaseName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            url = url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + databaseName);
        } else {
            url = "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1";
        }
        app = new SpringApplicationBuilder(JianduApplication.class).web(WebApplicationType.SERVLET).run(
                "--spring.datasource.url=" + url,
                "--camunda.bpm.process-engine-name=archivecheck",
                "--camunda.bpm.job-execution.enabled=false",
                "--jiandu.demo.enabled=true",
                "--jiandu.clock.adjustable=true",
                "--jiandu.archive.dir=" + archiveDir,
                "--jiandu.archive.sweep-enabled=false",
                "--server.port=0",
                "--spring.jmx.enabled=false");
        client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    @AfterEach
    void stop() throws Exception {
        ClockUtil.reset();
        if (app != null) {
            app.close();
        }
        if (serverUrl != null) {
            StandardEnvironment configured = new StandardEnvironment();
            ConfigDataEnvironmentPostProcessor.applyTo(configured);
            try (Connection connection = connect(configured, serverUrl); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + databaseName);
            }
        }
    }

    @Test
    void aClosedRecordPastItsRetentionIsArchivedThenCleanedAndItsArchiveStillVerifies() throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        HistoryService history = engine.getHistoryService();
        // a complaint with evidence, from the public intake, not accepted: reviewed, approved, closed
        String trackingNo = submitWithEvidence();
        long id = app.getBean(JdbcTemplate.class).queryForObject("SELECT id FROM complaint WHERE tracking_no = ?",
                Long.class, trackingNo);
        completeCurrent("clerk", id, Map.of("acceptanceDecision", "REJECT", "reason", "不属于本机关监督范围。"));
        completeCurrent("lead", id, Map.of("acceptanceApproved", true));
        HistoricProcessInstance closed = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNo)
                .singleResult();
        assertThat(closed.getEndTime()).as("the complaint's process has ended").isNotNull();
        assertThat(closed.getRemovalTime()).as("removal time: end + the complaint's 10 years")
                .isAfter(new Date(closed.getEndTime().getTime() + 3650L * 24 * 3600 * 1000));

        // ten years and more pass: the sweep archives the record, then the history cleanup removes its history
        ClockUtil.setCurrentTime(new Date(closed.getRemovalTime().getTime() + 24L * 3600 * 1000));
        assertThat(call("POST", "admin", "/api/admin/archives/sweep", null).get("archived").asInt()).isPositive();
        JsonNode packages = call("GET", "auditor", "/api/archives?businessKey=" + trackingNo, null);
        assertThat(packages).hasSize(1);
        JsonNode archived = packages.get(0);
        assertThat(archived.get("retention").asText()).isEqualTo("TEN_YEARS");
        long packageId = archived.get("id").asLong();
        Path dir = archiveDir.resolve(archived.get("location").asText());
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("retentionLabel").asText()).isEqualTo("10年");
        assertThat(manifest.get("files").findValuesAsText("path")).contains("trace.docx", "audit.json");
        JsonNode evidence = null;
        for (JsonNode file : manifest.get("files")) {
            if ("DOCUMENT".equals(file.get("kind").asText())) {
                evidence = file;
            }
        }
        assertThat(evidence).as("the evidence in the package").isNotNull();
        assertThat(Files.readAllBytes(dir.resolve(evidence.get("path").asText()))).isEqualTo(PDF);
        assertThat(evidence.get("sha256").asText()).isEqualTo(evidence.get("storedSha256").asText());
        String audit = Files.readString(dir.resolve("audit.json"), StandardCharsets.UTF_8);
        assertThat(audit).contains(trackingNo, "rowHash", "prevHash");
        // a second sweep writes nothing twice
        assertThat(call("POST", "admin", "/api/admin/archives/sweep", null).get("archived").asInt()).isZero();

        runHistoryCleanup(engine);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNo).count())
                .as("the engine's history of the record").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(closed.getId()).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(closed.getId()).count()).isZero();

        JsonNode verified = call("GET", "auditor", "/api/archives/" + packageId + "/verification", null);
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("filesChecked").asInt()).isGreaterThanOrEqualTo(2);

        // a file changed in the archive store is found
        byte[] trace = Files.readAllBytes(dir.resolve("trace.docx"));
        trace[trace.length / 2] ^= 1;
        Files.write(dir.resolve("trace.docx"), trace);
        JsonNode tampered = call("GET", "auditor", "/api/archives/" + packageId + "/verification", null);
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("problems").toString()).contains("trace.docx");
        // and so is a file slipped in, or a manifest rewritten to match
        Files.writeString(dir.resolve("extra.txt"), "x");
        assertThat(call("GET", "auditor", "/api/archives/" + packageId + "/verification", null).get("problems").toString())
                .contains("extra.txt");
        Files.writeString(dir.resolve("manifest.json"), Files.readString(dir.resolve("manifest.json")).replace("10年", "永久"));
        assertThat(call("GET", "auditor", "/api/archives/" + packageId + "/verification", null).get("problems").toString())
                .contains("清单已被改动");
        assertThat(call("GET", "clerk", "/api/archives/" + packageId + "/verification", null)).isNull();
    }

    private static void runHistoryCleanup(ProcessEngine engine) {
        ManagementService management = engine.getManagementService();
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());
    }

    private String submitWithEvidence() throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("complaint", new HttpEntity<>(JSON.writeValueAsString(complaint()), jsonPart));
        HttpHeaders filePart = new HttpHeaders();
        filePart.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        parts.add("files", new HttpEntity<>(new ByteArrayResource(PDF) {
            @Override
            public String getFilename() {
                return "现场记录.pdf";
            }
        }, filePart));
        JsonNode created = client.post().uri("/api/public/complaints").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).exchange((req, res) -> JSON.readTree(res.getBody().readAllBytes()));
        assertThat(created.has("trackingNo")).as(created.toString()).isTrue();
        return created.get("trackingNo").asText();
    }

    private void completeCurrent(String user, long id, Map<String, Object> fields) throws Exception {
        JsonNode steps = call("GET", "lead", "/api/complaints/" + id, null).get("currentSteps");
        String taskId = steps.get(0).get("taskId").asText();
        JsonNode done = call("POST", user, "/api/complaints/" + id + "/tasks/" + taskId + "/complete", fields);
        assertThat(done).isNotNull();
    }

    /** A call as a demo user; the JSON answer, or null when the status was not 2xx. */
    private JsonNode call(String method, String user, String path, Object body) throws Exception {
        RestClient.RequestBodySpec request = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            if (!res.getStatusCode().is2xxSuccessful()) {
                System.out.println("[archive] " + method + " " + path + ": " + res.getStatusCode() + " " + new String(bytes));
                return null;
            }
            return bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        });
    }

    private static Map<String, Object> complaint() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("anonymous", false);
        body.put("complainantName", "李四");
        body.put("complainantPhone", "13812345678");
        body.put("agencyCode", "SCJ");
        body.put("fieldCode", "MARKET");
        body.put("occurredOn", LocalDate.now().minusDays(3).toString());
        body.put("occurredPlace", "人民路农贸市场");
        body.put("facts", "执法人员检查摊位时未出示执法证件。");
        body.put("demands", "请求依法核查并纠正。");
        return body;
    }

    private static Connection connect(StandardEnvironment configured, String url) throws Exception {
        return DriverManager.getConnection(url, configured.getProperty("spring.datasource.username"),
                configured.getProperty("spring.datasource.password", ""));
    }
}
