package org.jiandu.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocumentStore;
import org.jiandu.identity.CurrentUser;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One timeline per record (全过程留痕): Camunda's history of the record's processes, of every process they
 * called and of every record linked to it ({@link TraceLinks}), merged in time order with the audit log
 * and the stored documents; its diagrams with the path taken; its export.
 * What a trace covers and who may see what of it is {@link TraceScopes}'s (with {@link TraceAccess} and
 * {@link TraceAudience}, an allow-list); the entries are {@link TraceHistory}'s (the engine's history) and
 * {@link TraceRows}'s (audit rows, documents). The engine's own authorizations are not what decides here (an auditor
 * holds no task), so history is read with them off after our rules have run.
 */
@Service
public class TraceService {

    static final String EXPORT_RECORD_TYPE = "TRACE";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;
    private final TraceScopes scopes;
    private final TraceHistory engineHistory;
    private final TraceRows rows;
    private final TraceDocx docxWriter;
    private final Clock clock;

    TraceService(ProcessEngine engine, EngineAccess engineAccess, AuditLog auditLog, TraceScopes scopes,
                 TraceHistory engineHistory, TraceRows rows, TraceDocx docxWriter, Clock clock) {
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
        this.scopes = scopes;
        this.engineHistory = engineHistory;
        this.rows = rows;
        this.docxWriter = docxWriter;
        this.clock = clock;
    }

    /** The timeline of a record as the caller may see it; 404 TRACE_NOT_FOUND if they may not see it at all. */
    @Transactional(readOnly = true)
    public Trace trace(String businessKey, CurrentUser user) {
        // the refusal is thrown outside the engine command, which would log it as a failed command
        Optional<Trace> trace = engineAccess.withoutAuthorizationChecks(() -> scopes.of(businessKey, user).map(scope -> {
            TraceTimeline timeline = new TraceTimeline();
            Map<String, HistoricProcessInstance> visible = new LinkedHashMap<>();
            scope.instances().forEach(instance -> visible.put(instance.getId(), instance));
            Set<String> done = new HashSet<>();
            // top processes first; a called process is written inside its call activity, so that events of
            // the same instant keep their causal order
            for (HistoricProcessInstance instance : scope.instances()) {
                if (!visible.containsKey(instance.getSuperProcessInstanceId())) {
                    engineHistory.engineEntries(instance, scope, visible, done, timeline);
                }
            }
            for (HistoricProcessInstance instance : scope.instances()) {
                engineHistory.engineEntries(instance, scope, visible, done, timeline);
            }
            List<TraceDocument> documents = rows.addTo(timeline, scope);
            List<TraceEntry> entries = timeline.entries();
            List<TraceProcess> processes = scope.instances().stream().map(this::process).toList();
            if (scope.audience().addressee() && entries.isEmpty()) {
                return null;
            }
            return new Trace(businessKey, scope.agencyCode(), processes, entries, documents);
        }));
        return trace.orElseThrow(() -> notFound(businessKey));
    }

    /**
     * The trace as a Word document (.docx) to file, with exactly what the caller may see; the export is an
     * audited download: the audit row names who exported it and the SHA-256 of the file handed out.
     */
    @Transactional
    public ExportedTrace export(String businessKey, CurrentUser user) {
        Trace trace = trace(businessKey, user);
        byte[] docx = docxWriter.write(trace, user.displayName() + "（" + user.userId() + "）",
                OffsetDateTime.now(clock).withNano(0));
        String sha256 = DocumentStore.sha256(docx);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("format", "docx");
        changes.put("sha256", sha256);
        changes.put("entries", trace.entries().size());
        changes.put("documents", trace.documents().size());
        auditLog.record(EXPORT_RECORD_TYPE, businessKey, "TRACE_EXPORTED", changes);
        return new ExportedTrace(businessKey + " 全过程记录.docx", docx, sha256);
    }

    /**
     * The diagrams of the record's processes (as the caller may see them), each with how often every
     * activity was passed and which activities are current.
     */
    @Transactional(readOnly = true)
    public List<TraceDiagram> diagrams(String businessKey, CurrentUser user) {
        Optional<List<TraceDiagram>> found = engineAccess.withoutAuthorizationChecks(() -> scopes.of(businessKey, user)
                .map(scope -> {
            Map<String, String> xmlByDefinition = new HashMap<>();
            List<TraceDiagram> diagrams = new ArrayList<>();
            for (HistoricProcessInstance instance : scope.instances()) {
                Map<String, Integer> passed = new TreeMap<>();
                Set<String> current = new LinkedHashSet<>();
                Set<String> hiddenCalls = new HashSet<>();
                Set<String> shown = scope.audience().addressee()
                        ? scopes.addressedTasks(instance.getProcessDefinitionId()) : null;
                for (HistoricActivityInstance activity : engineHistory.activities(instance.getId())) {
                    if (scope.hidesCallTo(activity.getCalledProcessInstanceId())) {
                        hiddenCalls.add(activity.getId());
                    } else if (activity.getEndTime() != null
                            && (shown == null || shown.contains(activity.getActivityId()))) {
                        passed.merge(activity.getActivityId(), 1, Integer::sum);
                    }
                }
                if (instance.getEndTime() == null) {
                    currentActivities(runtime.getActivityInstance(instance.getId()), hiddenCalls, current);
                    if (shown != null) {
                        current.retainAll(shown);
                    }
                }
                String xml = xmlByDefinition.computeIfAbsent(instance.getProcessDefinitionId(), this::bpmnXml);
                diagrams.add(new TraceDiagram(process(instance), xml, passed, List.copyOf(current)));
            }
            if (scope.audience().addressee() && diagrams.isEmpty() && !rows.anyFor(scope)) {
                return null;
            }
            return diagrams;
        }));
        return found.orElseThrow(() -> notFound(businessKey));
    }

    /**
     * Where a running process stands, from the engine's runtime: activities entered and not left, and
     * those waiting in a job before they start (asynchronous continuations), which history has not seen yet.
     */
    private static void currentActivities(ActivityInstance scopeInstance, Set<String> hiddenCalls, Set<String> current) {
        if (scopeInstance == null) {
            return;
        }
        for (ActivityInstance child : scopeInstance.getChildActivityInstances()) {
            if (!hiddenCalls.contains(child.getId())) {
                current.add(child.getActivityId());
            }
            currentActivities(child, hiddenCalls, current);
        }
        for (TransitionInstance transition : scopeInstance.getChildTransitionInstances()) {
            current.add(transition.getActivityId());
        }
    }

    private TraceProcess process(HistoricProcessInstance instance) {
        return new TraceProcess(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionName(), instance.getBusinessKey(), instance.getSuperProcessInstanceId(),
                engineHistory.at(instance.getStartTime()),
                instance.getEndTime() == null ? null : engineHistory.at(instance.getEndTime()),
                instance.getState());
    }

    private String bpmnXml(String processDefinitionId) {
        try (InputStream model = repository.getProcessModel(processDefinitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the diagram of " + processDefinitionId, e);
        }
    }

    private static ApiException notFound(String businessKey) {
        return ApiException.notFound("TRACE_NOT_FOUND", "未找到编号为 " + businessKey + " 的记录，或您无权查看。");
    }

    /** A record's trace: its processes, the merged timeline and the stored documents. */
    public record Trace(String businessKey, String agencyCode, List<TraceProcess> processes, List<TraceEntry> entries,
                        List<TraceDocument> documents) {
    }

    /** A stored document of the trace, with the SHA-256 its content must still have. */
    public record TraceDocument(long id, String recordType, String recordNo, String docType, String docNo,
                                String title, String fileName, long sizeBytes, String sha256, int version,
                                String createdBy, OffsetDateTime createdAt) {
    }

    /** A trace exported as a file. */
    public record ExportedTrace(String fileName, byte[] content, String sha256) {
    }

    /** One process instance of a trace. */
    public record TraceProcess(String processInstanceId, String processKey, String processName, String businessKey,
                               String superProcessInstanceId, OffsetDateTime startedAt, OffsetDateTime endedAt,
                               String state) {
    }

    /** The BPMN of one process of the trace with the path taken: activityId to times passed, and current ones. */
    public record TraceDiagram(TraceProcess process, String bpmnXml, Map<String, Integer> passed,
                               List<String> current) {
    }
}
