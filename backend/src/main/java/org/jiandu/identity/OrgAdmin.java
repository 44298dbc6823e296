package org.jiandu.identity;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes organisations; each organisation has a Camunda group of its users. */
@Service
public class OrgAdmin {

    static final String RECORD_TYPE = "ORG_UNIT";

    private final OrgUnitMapper orgs;
    private final IdentityService identityService;
    private final IdentityEpoch epoch;
    private final AuditLog auditLog;
    private final Clock clock;

    OrgAdmin(OrgUnitMapper orgs, IdentityService identityService, IdentityEpoch epoch, AuditLog auditLog, Clock clock) {
        this.orgs = orgs;
        this.identityService = identityService;
        this.epoch = epoch;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record NewOrg(String code, String name, OrgKind kind, AdminLevel adminLevel, String parentCode,
                         String docAbbr) {
    }

    @Transactional
    public OrgUnit create(NewOrg request) {
        if (orgs.findByCode(request.code()).isPresent()) {
            throw ApiException.conflict("ORG_CODE_TAKEN", "机构代码 " + request.code() + " 已被使用。");
        }
        OrgUnit parent = null;
        if (request.parentCode() != null) {
            parent = orgs.findByCode(request.parentCode()).orElseThrow(() -> ApiException.badRequest(
                    "PARENT_ORG_NOT_FOUND", "上级机构 " + request.parentCode() + " 不存在。"));
        }
        OrgUnitMapper.OrgUnitRow row = new OrgUnitMapper.OrgUnitRow();
        row.code = request.code();
        row.name = request.name();
        row.kind = request.kind();
        row.adminLevel = request.adminLevel();
        row.parentId = parent == null ? null : parent.id();
        row.docAbbr = request.docAbbr();
        row.createdAt = LocalDateTime.now(clock).withNano(0);
        orgs.insert(row);
        epoch.changed();
        orgs.updateTreePath(row.id, (parent == null ? "/" : parent.treePath()) + row.id + "/");
        ensureGroup(OrgUnit.groupIdOf(request.code()), request.name());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", request.name());
        changes.put("kind", request.kind());
        changes.put("adminLevel", request.adminLevel());
        changes.put("parent", request.parentCode());
        changes.put("docAbbr", request.docAbbr());
        auditLog.record(RECORD_TYPE, request.code(), "ORG_CREATED", changes);
        return orgs.findById(row.id).orElseThrow();
    }

    @Transactional
    public OrgUnit update(String code, String name, String docAbbr, boolean enabled) {
        OrgUnit before = find(code);
        orgs.update(before.id(), name, docAbbr, enabled);
        epoch.changed();
        Group group = identityService.createGroupQuery().groupId(before.groupId()).singleResult();
        if (group != null && !name.equals(group.getName())) {
            group.setName(name);
            identityService.saveGroup(group);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!before.name().equals(name)) {
            changes.put("name", AuditLog.change(before.name(), name));
        }
        if (!Objects.equals(before.docAbbr(), docAbbr)) {
            changes.put("docAbbr", AuditLog.change(before.docAbbr(), docAbbr));
        }
        if (before.enabled() != enabled) {
            changes.put("enabled", AuditLog.change(before.enabled(), enabled));
        }
        auditLog.record(RECORD_TYPE, code, "ORG_CHANGED", changes);
        return find(code);
    }

    @Transactional(readOnly = true)
    public OrgUnit find(String code) {
        return orgs.findByCode(code).orElseThrow(() -> ApiException.notFound("ORG_NOT_FOUND",
                "机构 " + code + " 不存在。"));
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> all() {
        return orgs.findAll();
    }

    void ensureGroup(String groupId, String name) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(UserDirectory.ORG_GROUP_TYPE);
            identityService.saveGroup(group);
        }
    }
}
