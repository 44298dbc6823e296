package org.jiandu.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.identity.CurrentUser;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** The investigation step (调查核实): its records (evidence, interviews, notes) and its end with the deliberation's participants. */
@Service
class CaseInvestigation {

    private final CaseMapper mapper;
    private final CaseAccess access;
    private final ProcessTasks tasks;
    private final DocumentStore store;
    private final AuditLog auditLog;
    private final Clock clock;

    CaseInvestigation(CaseMapper mapper, CaseAccess access, ProcessTasks tasks, DocumentStore store,
                      AuditLog auditLog, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.tasks = tasks;
        this.store = store;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Evidence, interview notes or a note, with an optional file, while the case is investigated. */
    @Transactional
    public CaseRecord addRecord(long id, CurrentUser user, String kind, String content, MultipartFile file) {
        CaseRow row = access.internal(id, user);
        tasks.require(row.caseNo(), CaseStep.INVESTIGATE.taskKey(), user);
        if (!SupervisionCaseService.RECORD_KINDS.contains(kind)) {
            throw ApiException.badRequest("INVALID_RECORD_KIND", "记录类型须为 EVIDENCE（证据）、INTERVIEW（询问笔录）或 NOTE（工作记录）。");
        }
        if (content == null || content.isBlank()) {
            throw ApiException.badRequest("FIELD_REQUIRED", "请填写记录内容。");
        }
        Long documentId = null;
        if (file != null && !file.isEmpty()) {
            documentId = store.storeUpload(SupervisionCaseService.RECORD, row.caseNo(), DocType.EVIDENCE, file).id();
        }
        mapper.insertRecord(id, kind, content.strip(), documentId, user.userId(), now());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("kind", kind);
        changes.put("documentId", documentId);
        auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), "INVESTIGATION_RECORDED", changes);
        List<CaseRecord> records = mapper.records(id);
        return records.get(records.size() - 1);
    }

    /** Ends the investigation and names the participants of the collective deliberation. */
    @Transactional
    public void finishInvestigation(long id, CurrentUser user, List<String> participants) {
        CaseRow row = access.internal(id, user);
        Task task = tasks.require(row.caseNo(), CaseStep.INVESTIGATE.taskKey(), user);
        for (String participant : participants.stream().distinct().toList()) {
            access.requireStaff(participant);
            mapper.insertParticipant(id, participant, user.userId(), now());
        }
        tasks.complete(task, ProcessTasks.decisions());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
