package org.jiandu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.platform.EngineAccess;
import org.jiandu.sequence.Sequences;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.RecordOpened;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening a case (立案 request): its number, row, process and audit row in one transaction. */
@Service
public class NewCases {

    private final CaseMapper mapper;
    private final OrgUnitMapper orgs;
    private final Sequences sequences;
    private final RuntimeService runtimeService;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NewCases(CaseMapper mapper, OrgUnitMapper orgs, Sequences sequences, RuntimeService runtimeService,
             EngineAccess engineAccess, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.orgs = orgs;
        this.sequences = sequences;
        this.runtimeService = runtimeService;
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a case (立案 request) from a source; the lead's filing approval is the first step. */
    @Transactional
    public CaseRow open(CurrentUser user, OpenCaseRequest request) {
        return open(user.userId(), request);
    }

    /**
     * Opens a case on behalf of a user who need not be logged in through the API, e.g. the lead whose approval of a
     * complaint's proposal (in Tasklist or the API) opens the case. A case from a complaint is announced as
     * {@link RecordOpened}, so that the complaint shows it.
     */
    @Transactional
    public CaseRow open(String userId, OpenCaseRequest request) {
        if (!SupervisionCaseService.SOURCES.contains(request.sourceType())) {
            throw ApiException.badRequest("INVALID_SOURCE", "案件来源须为 " + String.join("、", SupervisionCaseService.SOURCES) + " 之一。");
        }
        if ("COMPLAINT".equals(request.sourceType()) && (request.sourceRef() == null || request.sourceRef().isBlank())) {
            throw ApiException.badRequest("SOURCE_REF_REQUIRED", "来源为投诉举报时须填写投诉举报编号。");
        }
        orgs.findByCode(request.agencyCode()).filter(org -> org.kind() == OrgKind.AGENCY).orElseThrow(() ->
                ApiException.badRequest("AGENCY_NOT_FOUND", "被监督单位 " + request.agencyCode() + " 不存在。"));
        int year = LocalDate.now(clock).getYear();
        CaseMapper.NewCase row = new CaseMapper.NewCase();
        row.caseNo = "AJ-" + year + "-" + String.format("%06d", sequences.next("CASE|" + year));
        row.sourceType = request.sourceType();
        row.sourceRef = request.sourceRef() == null || request.sourceRef().isBlank() ? null : request.sourceRef().strip();
        row.agencyCode = request.agencyCode();
        row.title = request.title().strip();
        row.summary = request.summary().strip();
        row.createdBy = userId;
        row.createdAt = now();
        mapper.insert(row);
        engineAccess.withoutAuthorizationChecks(() ->
                runtimeService.startProcessInstanceByKey(SupervisionCaseService.PROCESS, row.caseNo, Map.of(
                        CaseProcess.AGENCY_CODE, row.agencyCode, CaseProcess.AGENCY_NAME,
                        orgs.findByCode(row.agencyCode).map(OrgUnit::name).orElse(row.agencyCode))));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("source", row.sourceType + (row.sourceRef == null ? "" : ":" + row.sourceRef));
        changes.put("agency", row.agencyCode);
        changes.put("title", row.title);
        auditLog.record(SupervisionCaseService.RECORD, row.caseNo, "CASE_OPENED", changes);
        if ("COMPLAINT".equals(row.sourceType)) {
            events.publishEvent(new RecordOpened("COMPLAINT", row.sourceRef, RecordOpened.SUPERVISION_CASE, row.id,
                    row.caseNo));
        }
        return mapper.find(row.id).orElseThrow();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
