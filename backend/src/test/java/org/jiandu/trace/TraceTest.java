package org.jiandu.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jiandu.IntegrationTest;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.UserDirectory;
import org.jiandu.platform.EngineAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A complaint that led to a case, which issued a letter the agency replied to: its trace holds every step of every
 * process in order with the right people and the audit rows between them; jurisdiction, diagrams, the export and
 * incidents. The processes are test stand-ins (src/test/resources/trace-test) under keys of their own, deployed here
 * and removed afterwards; what each audience sees, clues included, is TraceAudienceTest's, over the real processes.
 */
class TraceTest extends IntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 9, 0);

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    EngineAccess engineAccess;
    @Autowired
    UserDirectory directory;
    @Autowired
    AuditLog auditLog;
    @Autowired
    DocumentStore documentStore;
    @Autowired
    PlatformTransactionManager transactionManager;

    private String deploymentId;
    private String n;
    private String complaintNo;
    private String caseNo;
    private String letterNo;
    private String complaintDocSha;

    @BeforeEach
    void deployAndRunTheStory() {
        deploymentId = repositoryService.createDeployment().name("trace-test")
                .addClasspathResource("trace-test/trace-test-complaint.bpmn")
                .addClasspathResource("trace-test/trace-test-case.bpmn")
                .addClasspathResource("trace-test/trace-test-letter.bpmn")
                .addClasspathResource("trace-test/trace-test-incident.bpmn")
                .deploy().getId();
        n = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        complaintNo = "TTC-" + n;
        caseNo = "TTK-" + n;
        letterNo = "TTL-" + n;

        step(0, "clerk", () -> {
            runtimeService.startProcessInstanceByKey("trace-test-complaint", complaintNo, Map.of("agencyCode", "SCJ"));
            auditLog.record("COMPLAINT", complaintNo, "REGISTER", Map.of("status", "REGISTERED"));
        });
        step(1, "supervisor", () -> taskService.claim(task(complaintNo, "Task_Accept").getId(), "supervisor"));
        step(2, "supervisor", () -> {
            taskService.complete(task(complaintNo, "Task_Accept").getId());
            auditLog.record("COMPLAINT", complaintNo, "ACCEPT",
                    Map.of("status", AuditLog.change("REGISTERED", "ACCEPTED")));
            complaintDocSha = documentStore.storeGenerated("COMPLAINT", complaintNo, DocType.ATTACHMENT, null,
                    "受理告知", ("受理告知 " + complaintNo).getBytes(StandardCharsets.UTF_8)).sha256();
        });
        step(3, "supervisor", () -> {
            runtimeService.startProcessInstanceByKey("trace-test-case", caseNo,
                    Map.of("agencyCode", "SCJ", "letterNo", letterNo));
            auditLog.record("CASE", caseNo, "FILE", Map.of("complaintNo", complaintNo));
        });
        step(4, "supervisor", () -> claimAndComplete(caseNo, "Task_Investigate", "supervisor"));
        step(6, "supervisor", () -> claimAndComplete(caseNo, "Task_Decide", "supervisor"));
        step(7, "agency-scj", () -> {
            claimAndComplete(letterNo, "Task_Reply", "agency-scj");
            auditLog.record("LETTER", letterNo, "REPLY", Map.of("status", AuditLog.change("SERVED", "REPLIED")));
        });
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        SecurityContextHolder.clearContext();
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void auditorSeesEveryStepOfEveryProcessInOrderWithTheRightPeople() {
        Response response = get("auditor", "/api/trace/" + complaintNo);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode trace = response.body();
        assertThat(trace.get("agencyCode").asText()).isEqualTo("SCJ");
        assertThat(trace.get("processes").findValuesAsText("processKey")).containsExactlyInAnyOrder(
                "trace-test-complaint", "trace-test-case", "trace-test-letter");
        List<JsonNode> entries = list(trace.get("entries"));

        assertThat(pick(entries, e -> is(e, "ACTIVITY", "STARTED"), e -> e.get("processKey").asText() + ":"
                + e.get("activityId").asText())).containsExactly(
                "trace-test-complaint:StartEvent_Received", "trace-test-complaint:Task_Accept",
                "trace-test-complaint:EndEvent_Closed",
                "trace-test-case:StartEvent_Filed", "trace-test-case:Task_Investigate",
                "trace-test-case:Task_Decide", "trace-test-case:Call_Letter",
                "trace-test-letter:StartEvent_Issued", "trace-test-letter:Task_Reply", "trace-test-letter:EndEvent_Replied",
                "trace-test-case:Task_Close");
        assertThat(pick(entries, e -> is(e, "TASK", "COMPLETED"), e -> e.get("activityId").asText() + ":"
                + e.get("userId").asText() + ":" + e.get("durationMillis").asLong())).containsExactly(
                "Task_Accept:supervisor:7200000", "Task_Investigate:supervisor:5400000",
                "Task_Decide:supervisor:7200000", "Task_Reply:agency-scj:3600000");
        assertThat(pick(entries, e -> is(e, "OPERATION", "Claim"), e -> e.get("activityId").asText() + ":"
                + e.get("userId").asText())).containsExactly("Task_Accept:supervisor", "Task_Investigate:supervisor",
                "Task_Decide:supervisor", "Task_Reply:agency-scj");
        assertThat(pick(entries, e -> e.get("source").asText().equals("AUDIT"), e -> e.get("recordNo").asText() + ":"
                + e.get("event").asText() + ":" + e.get("userId").asText())).containsExactly(
                complaintNo + ":REGISTER:clerk", complaintNo + ":ACCEPT:supervisor",
                complaintNo + ":DOCUMENT_STORED:supervisor", caseNo + ":FILE:supervisor",
                letterNo + ":REPLY:agency-scj");
        assertThat(pick(entries, e -> e.get("source").asText().equals("DOCUMENT"), e -> e.get("name").asText()))
                .containsExactly("受理告知");
        assertThat(trace.get("documents").findValuesAsText("sha256")).containsExactly(complaintDocSha);
        JsonNode accept = entries.stream().filter(e -> is(e, "AUDIT", "ACCEPT")).findFirst().orElseThrow();
        assertThat(accept.get("userOrg").asText()).isEqualTo("SFJ-JDK");
        assertThat(accept.get("userRoles").asText()).isEqualTo("supervisor");
        assertThat(accept.get("detail").asText()).contains("\"before\":\"REGISTERED\"");
        assertThat(pick(entries, e -> is(e, "PROCESS", "STARTED"), e -> e.get("userId").asText()))
                .containsExactly("clerk", "supervisor", "supervisor");
        assertThat(entries.stream().anyMatch(e -> is(e, "VARIABLE", "SET") && e.get("name").asText().equals("agencyCode")
                && e.get("detail").asText().equals("SCJ"))).isTrue();

        List<OffsetDateTime> times = entries.stream().map(e -> OffsetDateTime.parse(e.get("at").asText())).toList();
        assertThat(times).isSorted();
        assertThat(times.get(0).toLocalDateTime()).isEqualTo(T0);
    }

    @Test
    void auditorSeesOnlyRecordsOfItsGovernmentsSubtree() {
        String other = "TTC-" + (Integer.parseInt(n) + 1);
        step(8, "clerk", () -> runtimeService.startProcessInstanceByKey("trace-test-complaint", other,
                Map.of("agencyCode", "XIAN-SCJ")));
        String countyAuditor = "aud-" + n;
        Response created = post("admin", "/api/admin/users", Map.of("userId", countyAuditor, "displayName", "县评查人员",
                "password", "county-auditor-1", "orgCode", "XIAN-SCJ", "roles", List.of("auditor")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        assertThat(callWithPassword(HttpMethod.GET, countyAuditor, "county-auditor-1", "/api/trace/" + complaintNo,
                null).status()).isEqualTo(404);
        assertThat(callWithPassword(HttpMethod.GET, countyAuditor, "county-auditor-1", "/api/trace/" + other,
                null).status()).isEqualTo(200);
        // the city's auditor sees both: the county lies within the city government's subtree
        assertThat(get("auditor", "/api/trace/" + other).status()).isEqualTo(200);
        assertThat(get("discipline", "/api/trace/" + other).status()).isEqualTo(404);
        assertThat(get("auditor", "/api/trace/TTC-NOSUCH").status()).isEqualTo(404);
    }

    @Test
    void diagramShowsThePathTakenAndWhereTheRecordStands() {
        Response response = get("auditor", "/api/trace/" + complaintNo + "/diagram");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).hasSize(3);
        JsonNode caseDiagram = diagram(response.body(), "trace-test-case");
        assertThat(caseDiagram.get("bpmnXml").asText()).contains("id=\"trace-test-case\"", "Task_Investigate");
        assertThat(caseDiagram.get("passed").get("Task_Investigate").asInt()).isEqualTo(1);
        assertThat(caseDiagram.get("passed").has("Task_Close")).isFalse();
        assertThat(list(caseDiagram.get("current")).stream().map(JsonNode::asText)).containsExactly("Task_Close");
        JsonNode letter = diagram(response.body(), "trace-test-letter");
        assertThat(letter.get("passed").get("Task_Reply").asInt()).isEqualTo(1);
        assertThat(letter.get("current")).isEmpty();
    }

    @Test
    void exportIsAWordFileWithTheTimelineAndTheDocumentsAndAnAuditedDownload() throws Exception {
        int entriesBefore = get("auditor", "/api/trace/" + complaintNo).body().get("entries").size();
        Response response = get("auditor", "/api/trace/" + complaintNo + "/export");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(response.headers().getContentDisposition().getFilename()).isEqualTo(complaintNo + " 全过程记录.docx");
        String sha = DocumentStore.sha256(response.bytes());
        assertThat(response.headers().getFirst("X-Content-SHA256")).isEqualTo(sha);
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(response.bytes()))) {
            assertThat(word.getTables()).hasSize(3);
            String timeline = word.getTables().get(1).getText();
            assertThat(timeline).contains("受理审查（Task_Accept）", "supervisor", "agency-scj", "Task_Reply",
                    "2026-03-02 09:00:00");
            String documents = word.getTables().get(2).getText();
            assertThat(documents).contains("受理告知", complaintDocSha);
            assertThat(word.getTables().get(1).getRows()).hasSize(entriesBefore + 1);
        }
        List<Map<String, Object>> audit = jdbc.queryForList("SELECT actor, changes FROM audit_log "
                + "WHERE record_type = 'TRACE' AND record_no = ? AND action = 'TRACE_EXPORTED'", complaintNo);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor")).isEqualTo("auditor");
        assertThat((String) audit.get(0).get("changes")).contains(sha);
        // the export itself is now part of the record's trace
        assertThat(list(get("auditor", "/api/trace/" + complaintNo).body().get("entries")))
                .anyMatch(e -> is(e, "AUDIT", "TRACE_EXPORTED") && e.get("userId").asText().equals("auditor"));

        Response agency = get("agency-scj", "/api/trace/" + complaintNo + "/export");
        assertThat(agency.status()).isEqualTo(200);
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(agency.bytes()))) {
            String all = word.getTables().stream().map(table -> table.getText()).reduce("", String::concat);
            // the agency's export holds its own task and none of the supervision body's steps or documents
            assertThat(all).contains("trace-test-letter", "Task_Reply").doesNotContain(complaintDocSha, "Task_Accept",
                    "Task_Investigate");
        }
        assertThat(get("agency-hbj", "/api/trace/" + complaintNo + "/export").status()).isEqualTo(404);
    }

    @Test
    void incidentsAppearWhenRaisedAndWhenResolved() {
        String recordNo = "TTI-" + n;
        step(9, "clerk", () -> runtimeService.startProcessInstanceByKey("trace-test-incident", recordNo,
                Map.of("agencyCode", "SCJ")));
        String jobId = managementService.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(recordNo).singleResult().getId()).singleResult().getId();
        managementService.setJobRetries(jobId, 1);
        ClockUtil.setCurrentTime(Date.from(T0.plusHours(10).atZone(ZONE).toInstant()));
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("noSuchBean");
        ClockUtil.setCurrentTime(Date.from(T0.plusHours(11).atZone(ZONE).toInstant()));
        managementService.setJobRetries(jobId, 1);

        List<JsonNode> entries = list(get("auditor", "/api/trace/" + recordNo).body().get("entries"));
        assertThat(pick(entries, e -> e.get("source").asText().equals("INCIDENT"), e -> e.get("event").asText() + ":"
                + e.get("activityId").asText() + ":" + e.get("at").asText())).containsExactly(
                "CREATED:Task_Archive:2026-03-02T19:00:00+08:00", "RESOLVED:Task_Archive:2026-03-02T20:00:00+08:00");
        assertThat(entries.stream().filter(e -> is(e, "INCIDENT", "CREATED")).findFirst().orElseThrow()
                .get("detail").asText()).contains("noSuchBean");
        JsonNode diagram = diagram(get("auditor", "/api/trace/" + recordNo + "/diagram").body(), "trace-test-incident");
        assertThat(list(diagram.get("current")).stream().map(JsonNode::asText)).containsExactly("Task_Archive");
    }

    private static JsonNode diagram(JsonNode diagrams, String processKey) {
        for (JsonNode diagram : diagrams) {
            if (diagram.get("process").get("processKey").asText().equals(processKey)) {
                return diagram;
            }
        }
        throw new AssertionError("no diagram of " + processKey + " in " + diagrams);
    }

    private void claimAndComplete(String businessKey, String taskKey, String userId) {
        Task task = task(businessKey, taskKey);
        taskService.claim(task.getId(), userId);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000L / 2));
        taskService.complete(task.getId());
    }

    private Task task(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** Runs one user action at T0 + hours, as that user (engine and audit log), in one transaction. */
    private void step(int hours, String userId, Runnable action) {
        ClockUtil.setCurrentTime(Date.from(T0.plusHours(hours).atZone(ZONE).toInstant()));
        CurrentUser user = directory.load(userId).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, user.roles().stream().map(role -> new SimpleGrantedAuthority(role.groupId())).toList()));
        identityService.setAuthentication(userId, user.engineGroups());
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                    engineAccess.withoutAuthorizationChecks(action));
        } finally {
            identityService.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean is(JsonNode entry, String source, String event) {
        return entry.get("source").asText().equals(source) && entry.get("event").asText().equals(event);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static List<String> pick(List<JsonNode> entries, Predicate<JsonNode> filter,
                                     java.util.function.Function<JsonNode, String> value) {
        return entries.stream().filter(filter).map(value).toList();
    }
}
