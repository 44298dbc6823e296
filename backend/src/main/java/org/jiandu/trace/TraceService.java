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
import java.util.Collection;
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
import java.util.concurrent.ConcurrentHashMap;
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
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One timeline per record (全过程留痕): Camunda's history of the record's processes, of every process they
 * called and of every record linked to it ({@link TraceLinks}), merged in time order with the audit log
 * and the stored documents.
 * Who may open a trace is {@link TraceAccess}'s, what each audience is shown {@link TraceAudience}'s (an
 * allow-list); the engine's own authorizations are not what decides here (an auditor holds no task), so history
 * is read with them off after our rules have run.
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
    /** Fields of an audit row that tell of a clue: left out for a reader who may not know of one. */
    private static final Set<String> CLUE_MENTIONS = Set.of("clueProposal", "proposedClue", "clueNo");
    /** The audit field in which the task inbox records the values a task was completed or resolved with. */
    private static final String SUBMITTED_FIELDS = "fields";

    private final HistoryService history;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;
    private final DocumentStore documentStore;
    private final TraceAccess access;
    private final List<TraceLinks> links;
    private final List<TraceParticipants> participants;
    private final ObjectMapper json;
    private final Map<String, Set<String>> addressedTasks = new ConcurrentHashMap<>();
    private final TraceDocx docxWriter;
    private final Clock clock;
    private final ZoneId zone;

    TraceService(ProcessEngine engine, EngineAccess engineAccess, AuditLog auditLog, DocumentStore documentStore,
                 TraceAccess access, ObjectProvider<TraceLinks> links, ObjectProvider<TraceParticipants> participants,
                 TraceDocx docxWriter, ObjectMapper json, Clock clock) {
        this.history = engine.getHistoryService();
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
        this.documentStore = documentStore;
        this.access = access;
        this.links = links.orderedStream().toList();
        this.participants = participants.orderedStream().toList();
        this.json = json;
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
                    auditEntry(row, scope).ifPresent(entry -> timed.add(new Timed(
                            row.occurredAt().atZone(zone).toInstant(), counter.next(), entry)));
                }
            }
            List<TraceDocument> documents = new ArrayList<>();
            for (String recordNo : scope.recordNos()) {
                for (StoredDocument document : documentStore.listByRecordNo(recordNo)) {
                    if (scope.sees(document.recordType(), document.recordNo()) && seesDocument(document, scope)) {
                        TraceDocument described = describe(document, scope);
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
        Optional<List<TraceDiagram>> found = engineAccess.withoutAuthorizationChecks(() -> scope(businessKey, user)
                .map(scope -> {
            Map<String, String> xmlByDefinition = new HashMap<>();
            List<TraceDiagram> diagrams = new ArrayList<>();
            for (HistoricProcessInstance instance : scope.instances()) {
                Map<String, Integer> passed = new TreeMap<>();
                Set<String> current = new LinkedHashSet<>();
                Set<String> hiddenCalls = new HashSet<>();
                Set<String> shown = scope.audience().addressee() ? addressedTasks(instance.getProcessDefinitionId()) : null;
                for (HistoricActivityInstance activity : activities(instance.getId())) {
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
            if (scope.audience().addressee() && diagrams.isEmpty() && !hasAddressedEntries(scope)) {
                return null;
            }
            return diagrams;
        }));
        return found.orElseThrow(() -> notFound(businessKey));
    }

    /** Whether an addressee is shown any audit row or document of the record (when none of its processes). */
    private boolean hasAddressedEntries(Scope scope) {
        return auditLog.ofRecordNumbers(scope.recordNos()).stream().anyMatch(row ->
                scope.sees(row.recordType(), row.recordNo()) && auditEntry(row, scope).isPresent())
                || scope.recordNos().stream().flatMap(recordNo -> documentStore.listByRecordNo(recordNo).stream())
                .anyMatch(document -> scope.sees(document.recordType(), document.recordNo())
                        && seesDocument(document, scope));
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
        Optional<TraceAudience> reader = TraceAudience.of(user);
        Optional<HistoricProcessInstance> found = root(businessKey, all);
        if (found.isEmpty() || reader.isEmpty()) {
            return Optional.empty();
        }
        TraceAudience audience = reader.get();
        HistoricProcessInstance root = found.get();
        Map<String, String> agencyOf = agencyCodes(all.keySet());
        String agencyCode = agencyOf.get(root.getId());
        Optional<OrgUnit> owner = access.owner(agencyCode, root.getStartUserId());

        Map<String, String> clueNoOf = new HashMap<>();
        for (HistoricProcessInstance instance : all.values()) {
            clueRoot(instance, all).ifPresent(clueRoot -> clueNoOf.put(instance.getId(), clueRoot.getBusinessKey()));
        }
        Map<String, TraceParticipants.Part> partIn = new HashMap<>();
        for (HistoricProcessInstance instance : all.values()) {
            String clueNo = clueNoOf.get(instance.getId());
            if (clueNo != null && CLUE_PROCESS.equals(instance.getProcessDefinitionKey())) {
                partIn.merge(clueNo, partIn(clueNo, instance, user), TraceService::closer);
            }
        }
        String ownOrg = user.org().code();
        List<HistoricProcessInstance> visible = all.values().stream().filter(instance -> {
            String clueNo = clueNoOf.get(instance.getId());
            TraceParticipants.Part part = clueNo == null ? null : partIn.getOrDefault(clueNo, TraceParticipants.Part.NONE);
            return switch (audience.kind()) {
                case AUDITOR, STAFF -> clueNo == null || audience.seesAllClues() || part == TraceParticipants.Part.HANDLING;
                case AGENCY -> clueNo == null && !COMPLAINT_PROCESS.equals(instance.getProcessDefinitionKey())
                        && ownOrg.equals(agencyOf.get(instance.getId()))
                        && !addressedTasks(instance.getProcessDefinitionId()).isEmpty();
                case RECEIVING_BODY -> part == TraceParticipants.Part.RECEIVING;
            };
        }).toList();
        boolean opens = switch (audience.kind()) {
            case AUDITOR, STAFF -> access.mayOpen(user, owner);
            // an agency's own record may hold only what was served on it (a corrective decision), with no task of its
            case AGENCY -> access.mayOpen(user, owner);
            case RECEIVING_BODY -> !visible.isEmpty();
        };
        // a clue's own number is answered only to those who may see the clue: its links must not tell of it
        boolean hiddenClue = clueNoOf.containsKey(root.getId()) && !visible.contains(root);
        if (!opens || hiddenClue || (visible.isEmpty() && audience.kind() != TraceAudience.Kind.AGENCY)) {
            return Optional.empty();
        }

        Set<String> ordinaryKeys = new HashSet<>();
        Set<String> clueKeys = new HashSet<>(clueNoOf.values());
        Set<String> complaintKeys = new HashSet<>();
        Set<String> agencyRecords = new HashSet<>();
        for (HistoricProcessInstance instance : all.values()) {
            if (!clueNoOf.containsKey(instance.getId())) {
                ordinaryKeys.add(instance.getBusinessKey());
                if (COMPLAINT_PROCESS.equals(instance.getProcessDefinitionKey())) {
                    complaintKeys.add(instance.getBusinessKey());
                } else if (ownOrg.equals(agencyOf.get(instance.getId()))) {
                    agencyRecords.add(instance.getBusinessKey());
                }
            }
        }
        Set<String> visibleClueKeys = new HashSet<>();
        for (HistoricProcessInstance instance : visible) {
            if (clueNoOf.containsKey(instance.getId())) {
                visibleClueKeys.add(clueNoOf.get(instance.getId()));
            }
        }
        Set<String> hiddenInstances = new HashSet<>(all.keySet());
        visible.forEach(instance -> hiddenInstances.remove(instance.getId()));
        Set<String> hiddenClueKeys = new HashSet<>(clueKeys);
        hiddenClueKeys.removeAll(visibleClueKeys);
        hiddenClueKeys.removeAll(ordinaryKeys);
        return Optional.of(new Scope(audience, agencyCode, visible, recordNos, hiddenInstances, hiddenClueKeys,
                (recordType, recordNo) -> {
            boolean clue = CLUE_RECORD_TYPE.equals(recordType)
                    || (clueKeys.contains(recordNo) && !ordinaryKeys.contains(recordNo));
            boolean complaint = !clue && (COMPLAINT_RECORD_TYPE.equals(recordType) || complaintKeys.contains(recordNo));
            return switch (audience.kind()) {
                case AUDITOR, STAFF -> !clue || audience.seesAllClues() || visibleClueKeys.contains(recordNo);
                case AGENCY -> !clue && !complaint && agencyRecords.contains(recordNo);
                case RECEIVING_BODY -> clue && visibleClueKeys.contains(recordNo);
            };
        }, access));
    }

    /** The record's own top process: the earliest one with its key and no parent, else the top of its chain. */
    private static Optional<HistoricProcessInstance> root(String businessKey, Map<String, HistoricProcessInstance> all) {
        List<HistoricProcessInstance> own = all.values().stream()
                .filter(instance -> businessKey.equals(instance.getBusinessKey())).toList();
        Optional<HistoricProcessInstance> top = own.stream()
                .filter(instance -> instance.getSuperProcessInstanceId() == null).findFirst();
        return top.isPresent() ? top : own.stream().findFirst();
    }

    /** The agency each process is about (its variable {@code agencyCode}), read in one query. */
    private Map<String, String> agencyCodes(Collection<String> processInstanceIds) {
        Map<String, String> codes = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return codes;
        }
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableName(AGENCY_VARIABLE).list()) {
            if (variable.getValue() instanceof String code && variable.getProcessInstanceId() != null) {
                codes.putIfAbsent(variable.getProcessInstanceId(), code);
            }
        }
        return codes;
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

    /**
     * How the user took part in a clue: from the clue's records ({@link TraceParticipants}), or as the assignee of
     * one of its real steps (a task they worked). Who started the process or was merely a candidate does not count.
     */
    private TraceParticipants.Part partIn(String clueNo, HistoricProcessInstance clueProcess, CurrentUser user) {
        TraceParticipants.Part part = TraceParticipants.Part.NONE;
        for (TraceParticipants participants : this.participants) {
            part = closer(part, participants.partOf(clueNo, user));
        }
        if (part == TraceParticipants.Part.NONE && !TraceAudience.RECEIVING_KINDS.contains(user.org().kind())
                && history.createHistoricTaskInstanceQuery().processInstanceId(clueProcess.getId())
                .taskAssignee(user.userId()).finished().count() > 0) {
            part = TraceParticipants.Part.HANDLING;
        }
        return part;
    }

    private static TraceParticipants.Part closer(TraceParticipants.Part one, TraceParticipants.Part other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /**
     * The user tasks of a process addressed to an agency or a receiving body: those of an organisation's group
     * ({@code camunda:candidateGroups="org-${agencyCode}"}), read from the deployed diagram.
     */
    private Set<String> addressedTasks(String processDefinitionId) {
        return addressedTasks.computeIfAbsent(processDefinitionId, id -> repository.getBpmnModelInstance(id)
                .getModelElementsByType(UserTask.class).stream()
                .filter(task -> task.getCamundaCandidateGroups() != null
                        && task.getCamundaCandidateGroups().contains(OrgUnit.groupIdOf("")))
                .map(UserTask::getId).collect(Collectors.toUnmodifiableSet()));
    }

    private void engineEntries(HistoricProcessInstance instance, Scope scope, Map<String, HistoricProcessInstance> visible,
                               Set<String> done, Counter counter, List<Timed> entries) {
        if (!done.add(instance.getId())) {
            return;
        }
        String key = instance.getProcessDefinitionKey();
        String id = instance.getId();
        String businessKey = instance.getBusinessKey();
        if (scope.audience().addressee()) {
            addressedTaskEntries(instance, scope, counter, entries);
            return;
        }
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
            if (!scope.audience().seesVariable(update.getVariableName())) {
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

    /**
     * What an agency or a receiving body sees of a process: the tasks addressed to it (created with their due date,
     * completed by whom), under the diagram's names; nothing of the supervision body's own steps.
     */
    private void addressedTaskEntries(HistoricProcessInstance instance, Scope scope, Counter counter,
                                      List<Timed> entries) {
        Set<String> addressed = addressedTasks(instance.getProcessDefinitionId());
        String key = instance.getProcessDefinitionKey();
        String id = instance.getId();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().list()) {
            if (!addressed.contains(task.getTaskDefinitionKey())) {
                continue;
            }
            entries.add(timed(task.getStartTime(), counter, new TraceEntry(null, "TASK", "CREATED",
                    instance.getBusinessKey(), null, key, id, task.getTaskDefinitionKey(), task.getName(), null, null,
                    null, null, null, task.getDueDate() == null ? null : "期限 " + at(task.getDueDate()))));
            if (task.getEndTime() != null) {
                boolean completed = "completed".equals(task.getDeleteReason());
                entries.add(timed(task.getEndTime(), counter, new TraceEntry(null, "TASK",
                        completed ? "COMPLETED" : "DELETED", instance.getBusinessKey(), null, key, id,
                        task.getTaskDefinitionKey(), task.getName(), scope.ownActor(task.getAssignee()), null, null,
                        null, task.getDurationInMillis(), null)));
            }
        }
    }

    private List<HistoricActivityInstance> activities(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }

    /**
     * An audit row as the audience sees it: the supervision body in full (without the mention of a clue the reader
     * may not know of), an addressee only the actions of its allow-list, under our label, with the document number
     * or date it needs and the actor named only when it is one of its own people.
     */
    private Optional<TraceEntry> auditEntry(AuditEntry row, Scope scope) {
        OffsetDateTime at = row.occurredAt().atZone(zone).toOffsetDateTime();
        TraceAudience audience = scope.audience();
        if (audience.supervisionBody()) {
            String changes = supervisionBodyDetail(row.changes(), !scope.hiddenClueKeys().isEmpty());
            return Optional.of(new TraceEntry(at, "AUDIT", row.action(), row.recordNo(), row.recordType(), null, null,
                    null, null, row.actor(), row.actorRoles(), row.actorOrg(), row.clientIp(), null, changes));
        }
        String label = audience.addressedLabel(row.recordType(), row.action());
        if (label == null) {
            return Optional.empty();
        }
        String actor = scope.ownActor(row.actor());
        return Optional.of(new TraceEntry(at, "AUDIT", row.action(), row.recordNo(), row.recordType(), null, null,
                null, label, actor, null, actor == null ? null : row.actorOrg(), null, null,
                addressedDetail(row.changes())));
    }

    /** The fields of an audit row's changes an addressee may read (a document number, a date), as "key: value". */
    private String addressedDetail(String changes) {
        Map<String, Object> fields = parse(changes);
        String detail = fields.entrySet().stream().filter(field -> TraceAudience.ADDRESSED_DETAILS.contains(field.getKey()))
                .map(field -> field.getKey() + ": " + field.getValue()).collect(Collectors.joining("; "));
        return detail.isEmpty() ? null : detail;
    }

    /**
     * An audit row's changes as the supervision body reads them: the form values a task was completed or resolved
     * with ({@code fields}, written by the task inbox) only as far as they are decisions — the texts typed there are
     * the features' own records, and may name the complainant; without the fields that tell of a clue the reader
     * may not know of (a 督办 that proposed one).
     */
    private String supervisionBodyDetail(String changes, boolean hideClues) {
        Map<String, Object> fields = parse(changes);
        boolean changed = false;
        if (fields.get(SUBMITTED_FIELDS) instanceof Map<?, ?> submitted) {
            Map<Object, Object> decisions = new LinkedHashMap<>(submitted);
            decisions.keySet().retainAll(TraceAudience.AUDITOR_VARIABLES);
            if (hideClues) {
                decisions.keySet().removeAll(CLUE_MENTIONS);
            }
            if (decisions.size() != submitted.size()) {
                fields.put(SUBMITTED_FIELDS, decisions);
                changed = true;
            }
        }
        if (hideClues && fields.keySet().removeAll(CLUE_MENTIONS)) {
            changed = true;
        }
        if (!changed) {
            return changes;
        }
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parse(String changes) {
        if (changes == null || changes.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(changes, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }

    /** Whether the audience sees a stored document of a record it may see: addressees only what was sent to them. */
    private boolean seesDocument(StoredDocument document, Scope scope) {
        return scope.audience().supervisionBody() || scope.audience().seesAddressedDocument(document.docType().name())
                || scope.ownActor(document.createdBy()) != null;
    }

    private TraceDocument describe(StoredDocument document, Scope scope) {
        String createdBy = scope.audience().supervisionBody() ? document.createdBy() : scope.ownActor(document.createdBy());
        return new TraceDocument(document.id(), document.recordType(), document.recordNo(), document.docType().name(),
                document.docNo(), document.title(), document.fileName(), document.sizeBytes(), document.sha256(),
                document.version(), createdBy, document.createdAt().atZone(zone).toOffsetDateTime());
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
     * What a caller sees of a trace, after {@link TraceAudience}. A clue the caller may not see leaves no mark: its
     * processes, the call activities that started them and the variables holding its number are left out.
     * {@code ownPeople} remembers, for this one reading, which user ids are of the reader's organisation.
     */
    private record Scope(TraceAudience audience, String agencyCode, List<HistoricProcessInstance> instances,
                         Set<String> recordNos, Set<String> hiddenInstances, Set<String> hiddenClueKeys,
                         java.util.function.BiPredicate<String, String> recordVisible, TraceAccess access,
                         Map<String, Boolean> ownPeople) {

        Scope(TraceAudience audience, String agencyCode, List<HistoricProcessInstance> instances, Set<String> recordNos,
              Set<String> hiddenInstances, Set<String> hiddenClueKeys,
              java.util.function.BiPredicate<String, String> recordVisible, TraceAccess access) {
            this(audience, agencyCode, instances, recordNos, hiddenInstances, hiddenClueKeys, recordVisible, access,
                    new HashMap<>());
        }

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

        /** The user id if it names someone of the reader's own organisation, else null (not shown). */
        String ownActor(String userId) {
            if (userId == null) {
                return null;
            }
            boolean own = ownPeople.computeIfAbsent(userId, id -> access.sameOrganisation(id, audience.user()));
            return own ? userId : null;
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
