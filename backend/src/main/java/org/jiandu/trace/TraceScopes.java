package org.jiandu.trace;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a trace covers and what of it a reader may see ({@link TraceScope}): the record's processes, the processes
 * they called and the records linked to it ({@link TraceLinks}); who may open it ({@link TraceAccess}); for each
 * audience ({@link TraceAudience}) which processes, audit rows and documents are shown — an agency only its own
 * records and the tasks addressed to it, never a complaint or a clue; a clue only to those who took part in it
 * ({@link TraceParticipants}) or see every clue. Read from history with the engine's authorizations off (the caller
 * runs it inside {@code EngineAccess.withoutAuthorizationChecks}).
 */
@Component
class TraceScopes {

    static final String CLUE_PROCESS = "clue-transfer";
    static final String CLUE_RECORD_TYPE = "CLUE";
    static final String COMPLAINT_PROCESS = "complaint-handling";
    static final String COMPLAINT_RECORD_TYPE = "COMPLAINT";
    static final String AGENCY_VARIABLE = "agencyCode";

    private final HistoryService history;
    private final RepositoryService repository;
    private final TraceAccess access;
    private final List<TraceLinks> links;
    private final List<TraceParticipants> participants;
    private final Map<String, Set<String>> addressedTasks = new ConcurrentHashMap<>();

    TraceScopes(ProcessEngine engine, TraceAccess access, ObjectProvider<TraceLinks> links,
                ObjectProvider<TraceParticipants> participants) {
        this.history = engine.getHistoryService();
        this.repository = engine.getRepositoryService();
        this.access = access;
        this.links = links.orderedStream().toList();
        this.participants = participants.orderedStream().toList();
    }

    /**
     * The instances this one called, in the order they started. Found among its root's instances (one indexed query
     * per root, kept in {@code trees}; the engine records every instance's root), not by their caller's id, which the
     * engine's history does not index: at a province's year that was a scan of 126,000 instances in every trace.
     */
    private List<HistoricProcessInstance> called(HistoricProcessInstance instance,
                                                 Map<String, List<HistoricProcessInstance>> trees) {
        List<HistoricProcessInstance> tree = trees.computeIfAbsent(instance.getRootProcessInstanceId(), root ->
                history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root)
                        .orderByProcessInstanceStartTime().asc().list());
        return tree.stream()
                .filter(child -> instance.getId().equals(child.getSuperProcessInstanceId()))
                .toList();
    }

    /** Which processes and record numbers a trace covers, and what of it the caller may see. */
    Optional<TraceScope> of(String businessKey, CurrentUser user) {
        Map<String, HistoricProcessInstance> all = new LinkedHashMap<>();
        Map<String, List<HistoricProcessInstance>> trees = new HashMap<>();
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
                    frontier.addAll(called(instance, trees));
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
                partIn.merge(clueNo, partIn(clueNo, instance, user), TraceScopes::closer);
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
        return Optional.of(new TraceScope(audience, agencyCode, visible, recordNos, hiddenInstances, hiddenClueKeys,
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
    Set<String> addressedTasks(String processDefinitionId) {
        return addressedTasks.computeIfAbsent(processDefinitionId, id -> repository.getBpmnModelInstance(id)
                .getModelElementsByType(UserTask.class).stream()
                .filter(task -> task.getCamundaCandidateGroups() != null
                        && task.getCamundaCandidateGroups().contains(OrgUnit.groupIdOf("")))
                .map(UserTask::getId).collect(Collectors.toUnmodifiableSet()));
    }
}
