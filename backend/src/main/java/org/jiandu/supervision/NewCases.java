package org.jiandu.supervision;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jiandu.audit.AuditLog;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.RecordOpened;
import org.jiandu.workflow.RecordOpening;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening a case (立案 request): its number, row, process and audit row in one transaction. */
@Service
public class NewCases {

    private final CaseMapper mapper;
    private final OrgUnitMapper orgs;
    private final RecordOpening opening;
    private final AuditLog auditLog;

    NewCases(CaseMapper mapper, OrgUnitMapper orgs, RecordOpening opening, AuditLog auditLog) {
        this.mapper = mapper;
        this.orgs = orgs;
        this.opening = opening;
        this.auditLog = auditLog;
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
        CaseMapper.NewCase row = new CaseMapper.NewCase();
        row.caseNo = opening.nextNumber("AJ", "CASE");
        row.sourceType = request.sourceType();
        row.sourceRef = request.sourceRef() == null || request.sourceRef().isBlank() ? null : request.sourceRef().strip();
        row.agencyCode = request.agencyCode();
        row.title = request.title().strip();
        row.summary = request.summary().strip();
        row.createdBy = userId;
        row.createdAt = opening.now();
        mapper.insert(row);
        opening.startProcess(SupervisionCaseService.PROCESS, row.caseNo, Map.of(CaseProcess.AGENCY_CODE, row.agencyCode,
                CaseProcess.AGENCY_NAME, orgs.findByCode(row.agencyCode).map(OrgUnit::name).orElse(row.agencyCode)));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("source", row.sourceType + (row.sourceRef == null ? "" : ":" + row.sourceRef));
        changes.put("agency", row.agencyCode);
        changes.put("title", row.title);
        auditLog.record(SupervisionCaseService.RECORD, row.caseNo, "CASE_OPENED", changes);
        opening.announce(row.sourceType, row.sourceRef, RecordOpened.SUPERVISION_CASE, row.id, row.caseNo);
        return mapper.find(row.id).orElseThrow();
    }
}
