package org.jiandu.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One timeline per record (全过程留痕): Camunda's history of the record's processes, of every process they
 * called and of every record linked to it ({@link TraceLinks}), merged in time order with the audit log
 * and the stored documents.
 * Visibility and need-to-know follow {@link TraceAccess}; the engine's own authorizations are not what
 * decides here (an auditor holds no task), so history is read with them off after our rules have run.
 */
@Service
public class TraceService {

    static final String CLUE_PROCESS = "clue-transfer";
    static final String CLUE_RECORD_TYPE = "CLUE";
    static final String COMPLAINT_PROCESS = "complaint-handling";
    static final String COMPLAINT_RECORD_TYPE = "COMPLAINT";
    static final String AGENCY_VARIABLE = "agencyCode";
    static final String EXPORT_RECORD_TYPE = "TRACE";
    private static final int MAX_DETAIL = 500;

    private final HistoryService history;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;
    private final DocumentStore documentStore;
    private final TraceAccess access;
    private final TraceMapper mapper;
    private final List<TraceLinks> links;
    private final TraceDocx docxWriter;
    private final Clock clock;
    private final ZoneId zone;

    TraceService(ProcessEngine engine, EngineAccess engineAccess, AuditLog auditLog, DocumentStore documentStore,
                 TraceAccess access, TraceMapper mapper, ObjectProvider<TraceLinks> links, TraceDocx docxWriter,
                 Clock clock) {
        this.history = engine.getHistoryService();
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
        this.documentStore = documentStore;
        this.access = access;
        this.mapper = mapper;
        this.links = links.orderedStream().toList();
        this.docxWriter = docxWriter;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** The timeline of a record as the caller may see it; 404 TRACE_NOT_FOUND if they may not see it at all. */
    @Transactional(readOnly = true)
    public Trace trace(String businessKey, CurrentUser user) {
        // the refusal is thrown outside the engine command, which would log it as a failed command
        Optional<Trace> trace = engineAccess.withoutAuthorizationChecks(() -> scope(businessKey, user).map(scope -> {
            List<Timed> timed = new ArrayList<>();
            Counter counter = new Counter();
            Map<String, HistoricProcessInstance> visible = new LinkedHashMap<>();
            scope.instances().forEach(instance -> visible.put(instance.getId(), instance));
            Set<String> done = new HashSet<>();
            // top processes first; a called process is written inside its call activity, so that events of
            // the same instant keep their causal order
            for (HistoricProcessInstance instance : scope.instances()) {
                if (!visible.containsKey(instance.getSuperProcessInstanceId())) {
                    engineEntries(instance, scope, visible, done, counter, timed);
                }
            }
            for (HistoricProcessInstance instance : scope.instances()) {
                engineEntries(instance, scope, visible, done, counter, timed);
            }
            for (AuditEntry row : auditLog.ofRecordNumbers(scope.recordNos())) {
                if (scope.sees(row.recordType(), row.recordNo())) {
                    timed.add(new Timed(row.occurredAt().atZone(zone).toInstant(), counter.next(), auditEntry(row)));
                }
            }
            List<TraceDocument> documents = new ArrayList<>();
            for (String recordNo : scope.recordNos()) {
                for (StoredDocument document : documentStore.listByRecordNo(recordNo)) {
                    if (scope.sees(document.recordType(), document.recordNo())) {
                        TraceDocument described = describe(document);
                        documents.add(described);
                        timed.add(new Timed(document.createdAt().atZone(zone).toInstant(), counter.next(),
                                documentEntry(described)));
                    }
                }
            }
            documents.sort(Comparator.comparing(TraceDocument::createdAt).thenComparingLong(TraceDocument::id));
            timed.sort(Comparator.comparing(Timed::at).thenComparingLong(Timed::order));
            List<TraceEntry> entries = timed.stream().map(Timed::entry).toList();
            List<TraceProcess> processes = scope.instances().stream().map(this::process).toList();
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
        Optional<List<TraceDiagram>> found = engineAccess.withoutAuthorizationChecks(() -> scope(businessKey, user)
                .map(scope -> {
            Map<String, String> xmlByDefinition = new HashMap<>();
            List<TraceDiagram> diagrams = new ArrayList<>();
            for (HistoricProcessInstance instance : scope.instances()) {
                Map<String, Integer> passed = new TreeMap<>();
                Set<String> current = new LinkedHashSet<>();
                Set<String> hiddenCalls = new HashSet<>();
                for (HistoricActivityInstance activity : activities(instance.getId())) {
                    if (scope.hidesCallTo(activity.getCalledProcessInstanceId())) {
                        hiddenCalls.add(activity.getId());
                    } else if (activity.getEndTime() != null) {
                        passed.merge(activity.getActivityId(), 1, Integer::sum);
                    }
                }
                if (instance.getEndTime() == null) {
                    currentActivities(runtime.getActivityInstance(instance.getId()), hiddenCalls, current);
                }
                String xml = xmlByDefinition.computeIfAbsent(instance.getProcessDefinitionId(), this::bpmnXml);
                diagrams.add(new TraceDiagram(process(instance), xml, passed, List.copyOf(current)));
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

    /** Which processes and record numbers a trace covers, and what of it the caller may see. */
    private Optional<Scope> scope(String businessKey, CurrentUser user) {
        Map<String, HistoricProcessInstance> all = new LinkedHashMap<>();
        Set<String> recordNos = new LinkedHashSet<>();
        Deque<String> keys = new ArrayDeque<>(List.of(businessKey));
        while (!keys.isEmpty()) {
            String key = keys.poll();
            if (!recordNos.add(key)) {
                continue;
            }
            List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(key).orderByProcessInstanceStartTime().asc().list();
            Deque<HistoricProcessInstance> frontier = new ArrayDeque<>(found);
            while (!frontier.isEmpty()) {
                HistoricProcessInstance instance = frontier.poll();
                if (all.putIfAbsent(instance.getId(), instance) == null) {
                    frontier.addAll(history.createHistoricProcessInstanceQuery()
                            .superProcessInstanceId(instance.getId()).orderByProcessInstanceStartTime().asc().list());
                    if (instance.getBusinessKey() != null) {
                        keys.add(instance.getBusinessKey());
                    }
                }
            }
            for (TraceLinks link : links) {
                keys.addAll(link.linkedBusinessKeys(key));
            }
        }
        Optional<HistoricProcessInstance> found = root(businessKey, all);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HistoricProcessInstance root = found.get();
        String agencyCode = agencyCode(root);
        Optional<OrgUnit> owner = access.owner(agencyCode, root.getStartUserId());

        Set<String> clueInstances = new HashSet<>();
        Map<String, String> clueRootOf = new HashMap<>();
        for (HistoricProcessInstance instance : all.values()) {
            clueRoot(instance, all).ifPresent(clueRoot -> {
                clueInstances.add(instance.getId());
                clueRootOf.put(instance.getId(), clueRoot.getId());
            });
        }
        Set<String> clueRoots = new HashSet<>(clueRootOf.values());
        Set<String> involved = involvedClues(user, clueRoots, all);
        boolean ordinary = access.seesOrdinaryEntries(user);
        // a complaint's handling (the complainant, the investigation) is the supervision body's, never an agency's
        boolean complaints = ordinary && access.seesComplaints(user);
        Set<String> complaintKeys = all.values().stream()
                .filter(instance -> COMPLAINT_PROCESS.equals(instance.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
        List<HistoricProcessInstance> visible = all.values().stream()
                .filter(instance -> clueInstances.contains(instance.getId())
                        ? access.seesClue(user, involved.contains(clueRootOf.get(instance.getId())))
                        : COMPLAINT_PROCESS.equals(instance.getProcessDefinitionKey()) ? complaints : ordinary)
                .toList();
        boolean opens = ordinary ? access.mayOpen(user, owner)
                : visible.stream().anyMatch(instance -> clueInstances.contains(instance.getId()));
        if (!opens || visible.isEmpty()) {
            return Optional.empty();
        }

        Set<String> ordinaryKeys = new HashSet<>();
        Set<String> clueKeys = new HashSet<>();
        Set<String> visibleClueKeys = new HashSet<>();
        for (HistoricProcessInstance instance : all.values()) {
            if (clueInstances.contains(instance.getId())) {
                clueKeys.add(instance.getBusinessKey());
            } else {
                ordinaryKeys.add(instance.getBusinessKey());
            }
        }
        for (HistoricProcessInstance instance : visible) {
            if (clueInstances.contains(instance.getId())) {
                visibleClueKeys.add(instance.getBusinessKey());
            }
        }
        boolean allClues = access.seesClue(user, false);
        Set<String> hiddenInstances = new HashSet<>(all.keySet());
        visible.forEach(instance -> hiddenInstances.remove(instance.getId()));
        Set<String> hiddenClueKeys = new HashSet<>(clueKeys);
        hiddenClueKeys.removeAll(visibleClueKeys);
        hiddenClueKeys.removeAll(ordinaryKeys);
        return Optional.of(new Scope(agencyCode, visible, recordNos, hiddenInstances, hiddenClueKeys,
                (recordType, recordNo) -> {
            boolean clue = CLUE_RECORD_TYPE.equals(recordType)
                    || (clueKeys.contains(recordNo) && !ordinaryKeys.contains(recordNo));
            if (clue) {
                return allClues || visibleClueKeys.contains(recordNo);
            }
            boolean complaint = COMPLAINT_RECORD_TYPE.equals(recordType) || complaintKeys.contains(recordNo);
            return complaint ? complaints : ordinary;
        }));
    }

    /** The record's own top process: the earliest one with its key and no parent, else the top of its chain. */
    private static Optional<HistoricProcessInstance> root(String businessKey, Map<String, HistoricProcessInstance> all) {
        List<HistoricProcessInstance> own = all.values().stream()
                .filter(instance -> businessKey.equals(instance.getBusinessKey())).toList();
        Optional<HistoricProcessInstance> top = own.stream()
                .filter(instance -> instance.getSuperProcessInstanceId() == null).findFirst();
        return top.isPresent() ? top : own.stream().findFirst();
    }

    private String agencyCode(HistoricProcessInstance root) {
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(root.getId()).variableName(AGENCY_VARIABLE).list();
        return variables.stream().map(HistoricVariableInstance::getValue).filter(value -> value instanceof String)
                .map(String.class::cast).findFirst().orElse(null);
    }

    /** The clue-transfer process an instance belongs to (itself or an ancestor within the trace), if any. */
    private static Optional<HistoricProcessInstance> clueRoot(HistoricProcessInstance instance,
                                                              Map<String, HistoricProcessInstance> all) {
        Optional<HistoricProcessInstance> found = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (HistoricProcessInstance current = instance; current != null && seen.add(current.getId());
             current = current.getSuperProcessInstanceId() == null ? null : all.get(current.getSuperProcessInstanceId())) {
            if (CLUE_PROCESS.equals(current.getProcessDefinitionKey())) {
                found = Optional.of(current);
            }
        }
        return found;
    }

    /** The clue processes the user took part in: started one, was assignee or candidate of one of its tasks. */
    private Set<String> involvedClues(CurrentUser user, Set<String> clueRoots, Map<String, HistoricProcessInstance> all) {
        Set<String> involved = new HashSet<>();
        if (clueRoots.isEmpty()) {
            return involved;
        }
        for (String id : clueRoots) {
            if (user.userId().equals(all.get(id).getStartUserId())) {
                involved.add(id);
            }
        }
        for (String id : clueRoots) {
            if (!involved.contains(id) && history.createHistoricTaskInstanceQuery().processInstanceId(id)
                    .taskAssignee(user.userId()).count() > 0) {
                involved.add(id);
            }
        }
        involved.addAll(mapper.instancesWithCandidate(clueRoots, user.userId(), user.engineGroups()));
        return involved;
    }

    private void engineEntries(HistoricProcessInstance instance, Scope scope, Map<String, HistoricProcessInstance> visible,
                               Set<String> done, Counter counter, List<Timed> entries) {
        if (!done.add(instance.getId())) {
            return;
        }
        String key = instance.getProcessDefinitionKey();
        String id = instance.getId();
        String businessKey = instance.getBusinessKey();
        String started = instance.getSuperProcessInstanceId() == null ? null
                : "由流程实例 " + instance.getSuperProcessInstanceId() + " 调用";
        entries.add(timed(instance.getStartTime(), counter, new TraceEntry(null, "PROCESS", "STARTED", businessKey, null,
                key, id, instance.getStartActivityId(), instance.getProcessDefinitionName(), instance.getStartUserId(),
                null, null, null, null, started)));

        Map<String, HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .list().stream().collect(Collectors.toMap(HistoricTaskInstance::getId, task -> task));
        for (HistoricActivityInstance activity : activities(id)) {
            if (scope.hidesCallTo(activity.getCalledProcessInstanceId())) {
                continue;
            }
            HistoricTaskInstance task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
            entries.add(timed(activity.getStartTime(), counter, new TraceEntry(null, "ACTIVITY", "STARTED", businessKey,
                    null, key, id, activity.getActivityId(), activity.getActivityName(), null, null, null, null, null,
                    activity.getActivityType())));
            HistoricProcessInstance called = visible.get(activity.getCalledProcessInstanceId());
            if (called != null) {
                engineEntries(called, scope, visible, done, counter, entries);
            }
            if (task != null) {
                entries.add(timed(task.getStartTime(), counter, new TraceEntry(null, "TASK", "CREATED", businessKey,
                        null, key, id, task.getTaskDefinitionKey(), task.getName(), null, null, null, null, null,
                        task.getDueDate() == null ? null : "期限 " + at(task.getDueDate()))));
                if (task.getEndTime() != null) {
                    String event = "completed".equals(task.getDeleteReason()) ? "COMPLETED" : "DELETED";
                    entries.add(timed(task.getEndTime(), counter, new TraceEntry(null, "TASK", event, businessKey,
                            null, key, id, task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), null, null,
                            null, task.getDurationInMillis(), task.getDeleteReason())));
                }
            }
            if (activity.getEndTime() != null) {
                entries.add(timed(activity.getEndTime(), counter, new TraceEntry(null, "ACTIVITY", "ENDED", businessKey,
                        null, key, id, activity.getActivityId(), activity.getActivityName(), activity.getAssignee(),
                        null, null, null, activity.getDurationInMillis(), activity.getCalledProcessInstanceId() == null
                        ? null : "调用流程实例 " + activity.getCalledProcessInstanceId())));
            }
        }
        Map<String, List<UserOperationLogEntry>> operations = history.createUserOperationLogQuery()
                .processInstanceId(id).orderByTimestamp().asc().list().stream()
                .collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, LinkedHashMap::new,
                        Collectors.toList()));
        for (List<UserOperationLogEntry> operation : operations.values()) {
            UserOperationLogEntry first = operation.get(0);
            HistoricTaskInstance task = first.getTaskId() == null ? null : tasks.get(first.getTaskId());
            String changes = operation.stream().filter(entry -> entry.getProperty() != null)
                    .map(entry -> entry.getProperty() + ": " + nullToDash(entry.getOrgValue()) + " → "
                            + nullToDash(entry.getNewValue()))
                    .collect(Collectors.joining("; "));
            entries.add(timed(first.getTimestamp(), counter, new TraceEntry(null, "OPERATION", first.getOperationType(),
                    businessKey, null, key, id, task == null ? null : task.getTaskDefinitionKey(),
                    task == null ? first.getEntityType() : task.getName(), first.getUserId(), null, null, null, null,
                    changes.isEmpty() ? null : truncate(changes))));
        }
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
                .orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            if (scope.hidesValue(update.getValue())) {
                continue;
            }
            entries.add(timed(update.getTime(), counter, new TraceEntry(null, "VARIABLE", "SET", businessKey, null, key,
                    id, null, update.getVariableName(), null, null, null, null, null,
                    truncate(String.valueOf(update.getValue())))));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
            entries.add(timed(incident.getCreateTime(), counter, new TraceEntry(null, "INCIDENT", "CREATED",
                    businessKey, null, key, id, incident.getActivityId(), incident.getIncidentType(), null, null, null,
                    null, null, truncate(incident.getIncidentMessage()))));
            if (incident.getEndTime() != null) {
                entries.add(timed(incident.getEndTime(), counter, new TraceEntry(null, "INCIDENT", "RESOLVED",
                        businessKey, null, key, id, incident.getActivityId(), incident.getIncidentType(), null, null,
                        null, null, null, null)));
            }
        }
        if (instance.getEndTime() != null) {
            String event = instance.getDeleteReason() == null ? "ENDED" : "CANCELED";
            entries.add(timed(instance.getEndTime(), counter, new TraceEntry(null, "PROCESS", event, businessKey, null,
                    key, id, instance.getEndActivityId(), instance.getProcessDefinitionName(), null, null, null, null,
                    instance.getDurationInMillis(), instance.getDeleteReason())));
        }
    }

    private List<HistoricActivityInstance> activities(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }

    private TraceEntry auditEntry(AuditEntry row) {
        return new TraceEntry(row.occurredAt().atZone(zone).toOffsetDateTime(), "AUDIT", row.action(), row.recordNo(),
                row.recordType(), null, null, null, null, row.actor(), row.actorRoles(), row.actorOrg(),
                row.clientIp(), null, row.changes());
    }

    private TraceDocument describe(StoredDocument document) {
        return new TraceDocument(document.id(), document.recordType(), document.recordNo(), document.docType().name(),
                document.docNo(), document.title(), document.fileName(), document.sizeBytes(), document.sha256(),
                document.version(), document.createdBy(), document.createdAt().atZone(zone).toOffsetDateTime());
    }

    private static TraceEntry documentEntry(TraceDocument document) {
        String detail = (document.docNo() == null ? "" : document.docNo() + "；") + "第 " + document.version()
                + " 版；SHA-256 " + document.sha256();
        return new TraceEntry(document.createdAt(), "DOCUMENT", "STORED", document.recordNo(), document.recordType(),
                null, null, null, document.title(), document.createdBy(), null, null, null, null, detail);
    }

    private TraceProcess process(HistoricProcessInstance instance) {
        return new TraceProcess(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionName(), instance.getBusinessKey(), instance.getSuperProcessInstanceId(),
                at(instance.getStartTime()), instance.getEndTime() == null ? null : at(instance.getEndTime()),
                instance.getState());
    }

    private String bpmnXml(String processDefinitionId) {
        try (InputStream model = repository.getProcessModel(processDefinitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the diagram of " + processDefinitionId, e);
        }
    }

    private Timed timed(Date when, Counter counter, TraceEntry entry) {
        TraceEntry dated = new TraceEntry(at(when), entry.source(), entry.event(), entry.recordNo(), entry.recordType(),
                entry.processKey(), entry.processInstanceId(), entry.activityId(), entry.name(), entry.userId(),
                entry.userRoles(), entry.userOrg(), entry.clientAddress(), entry.durationMillis(), entry.detail());
        return new Timed(when.toInstant(), counter.next(), dated);
    }

    private OffsetDateTime at(Date date) {
        return date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static String nullToDash(String text) {
        return text == null ? "—" : text;
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_DETAIL) {
            return text;
        }
        return text.substring(0, MAX_DETAIL) + "…";
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

    /**
     * What a caller sees of a trace. A clue the caller may not see leaves no mark: its processes, the call
     * activities that started them and the variables holding its number are left out.
     */
    private record Scope(String agencyCode, List<HistoricProcessInstance> instances, Set<String> recordNos,
                         Set<String> hiddenInstances, Set<String> hiddenClueKeys,
                         java.util.function.BiPredicate<String, String> recordVisible) {

        boolean hidesCallTo(String calledProcessInstanceId) {
            return calledProcessInstanceId != null && hiddenInstances.contains(calledProcessInstanceId);
        }

        boolean hidesValue(Object value) {
            return value instanceof String text && hiddenClueKeys.contains(text);
        }

        /** Whether audit rows and documents of this record type and number may be seen. */
        boolean sees(String recordType, String recordNo) {
            return recordVisible.test(recordType, recordNo);
        }
    }

    private record Timed(Instant at, long order, TraceEntry entry) {
    }

    private static final class Counter {
        private long value;

        long next() {
            return value++;
        }
    }
}
