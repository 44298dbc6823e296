package org.jiandu.clue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.RecordOpened;
import org.jiandu.workflow.RecordOpening;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposing a clue transfer and revising a returned proposal: the proposal checked (category, agency, receiving body,
 * evidence links), the clue's rows, its process and the audit row in one transaction.
 */
@Service
public class ClueProposals {

    private final ClueMapper clues;
    private final OrgUnitMapper orgs;
    private final RecordOpening opening;
    private final RuntimeService runtimeService;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;

    ClueProposals(ClueMapper clues, OrgUnitMapper orgs, RecordOpening opening, RuntimeService runtimeService,
                  EngineAccess engineAccess, AuditLog auditLog) {
        this.clues = clues;
        this.orgs = orgs;
        this.opening = opening;
        this.runtimeService = runtimeService;
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
    }

    /**
     * Proposes a transfer and starts its process (legal review next). The proposer, a supervisor or a
     * lead of a supervision body, becomes the clue's handler.
     */
    @Transactional
    public Proposed propose(ClueProposal proposal, CurrentUser proposer) {
        ClueAccess.requireScope(proposer);
        if (!proposer.hasAny(Role.SUPERVISOR, Role.LEAD)) {
            throw ApiException.forbidden("FORBIDDEN", "只有监督员或科室负责人可以提出问题线索移送建议。");
        }
        String facts = requireText(proposal.facts(), "FACTS_MISSING", "请填写问题线索事实。");
        String persons = requireText(proposal.personsInvolved(), "PERSONS_MISSING", "请填写涉及人员。");
        ClueCategory category = category(proposal.categoryCode());
        ClueProposal.ClueRef source = proposal.source() == null ? new ClueProposal.ClueRef(ClueSource.NONE, null)
                : proposal.source();
        String sourceNo = source.no() == null || source.no().isBlank() ? null : source.no().strip();
        if (source.type() != ClueSource.NONE && sourceNo == null) {
            throw ApiException.badRequest("SOURCE_NO_MISSING", "请填写线索来源记录的编号。");
        }
        List<ClueMapper.ClueLink> links = links(proposal.evidenceLinks());
        OrgUnit agency = agency(proposal.agencyCode());
        OrgUnit issuer = supervisionBodyOf(proposer.org());
        ClueTarget target = proposal.target() == null ? ClueTarget.COMMISSION : proposal.target();
        OrgUnit targetOrg = targetOrg(issuer, target, proposal.targetOrgCode());

        LocalDateTime now = opening.now();
        ClueMapper.NewClue row = new ClueMapper.NewClue();
        row.clueNo = opening.nextNumber("XS", "CLUE");
        row.status = ClueStatus.LEGAL_REVIEW;
        row.targetKind = target;
        row.targetOrgId = targetOrg.id();
        row.issuerOrgId = issuer.id();
        row.categoryCode = category.code();
        row.collectiveRequired = category.requiresCollective();
        row.facts = facts;
        row.personsInvolved = persons;
        row.agencyOrgId = agency == null ? null : agency.id();
        row.sourceType = source.type();
        row.sourceNo = source.type() == ClueSource.NONE ? null : sourceNo;
        row.handler = proposer.userId();
        row.proposedAt = now;
        clues.insert(row);
        if (!links.isEmpty()) {
            clues.insertLinks(row.id, links);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("category", category.code());
        changes.put("target", target);
        changes.put("targetOrg", targetOrg.code());
        changes.put("agency", agency == null ? null : agency.code());
        changes.put("source", source.type() + (row.sourceNo == null ? "" : " " + row.sourceNo));
        changes.put("collectiveRequired", category.requiresCollective());
        auditLog.record(ClueWorkflow.RECORD_TYPE, row.clueNo, "CLUE_PROPOSED", changes);

        Map<String, Object> variables = new HashMap<>();
        variables.put(ClueProcess.HANDLER, proposer.userId());
        variables.put("collectiveRequired", category.requiresCollective());
        variables.put(ClueProcess.TARGET_ORG_CODE, targetOrg.code());
        clues.setProcessInstance(row.id, opening.startProcess(ClueService.PROCESS_KEY, row.clueNo, variables));
        opening.announce(row.sourceType.name(), row.sourceNo, RecordOpened.CLUE_TRANSFER, row.id, row.clueNo);
        return new Proposed(row.id, row.clueNo);
    }

    /** The handler changes a proposal that legal review returned (before resubmitting it). */
    @Transactional
    public void revise(long id, ClueProposal proposal, CurrentUser user) {
        Clue clue = ClueAccess.visible(clues, id, user);
        if (!ClueAccess.isHandlerOf(user, clue)) {
            throw ApiException.forbidden("FORBIDDEN", "只有承办人可以修改移送建议。");
        }
        if (clue.status() != ClueStatus.RETURNED) {
            throw ApiException.conflict("CLUE_NOT_RETURNED", "只有被退回的移送建议可以修改。");
        }
        String facts = requireText(proposal.facts(), "FACTS_MISSING", "请填写问题线索事实。");
        String persons = requireText(proposal.personsInvolved(), "PERSONS_MISSING", "请填写涉及人员。");
        ClueCategory category = category(proposal.categoryCode());
        OrgUnit agency = agency(proposal.agencyCode());
        List<ClueMapper.ClueLink> links = links(proposal.evidenceLinks());
        LocalDateTime now = opening.now();
        clues.updateProposal(id, category.code(), category.requiresCollective(), facts, persons,
                agency == null ? null : agency.id(), now);
        clues.deleteLinks(id);
        if (!links.isEmpty()) {
            clues.insertLinks(id, links);
        }
        engineAccess.withoutAuthorizationChecks(() -> runtimeService.setVariable(clue.processInstanceId(),
                "collectiveRequired", category.requiresCollective()));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!clue.categoryCode().equals(category.code())) {
            changes.put("category", AuditLog.change(clue.categoryCode(), category.code()));
        }
        if (!clue.facts().equals(facts)) {
            changes.put("facts", AuditLog.change(clue.facts(), facts));
        }
        if (!clue.personsInvolved().equals(persons)) {
            changes.put("personsInvolved", AuditLog.change(clue.personsInvolved(), persons));
        }
        changes.put("agency", agency == null ? null : agency.code());
        changes.put("evidenceLinks", links.size());
        auditLog.record(ClueWorkflow.RECORD_TYPE, clue.clueNo(), "PROPOSAL_REVISED", changes);
    }

    /** The clue a proposal opened. */
    /** Whether the user may know of this clue at all (need to know, {@link ClueAccess}). */
    @Transactional(readOnly = true)
    public boolean visibleTo(long id, CurrentUser user) {
        return clues.find(id).filter(clue -> ClueAccess.canSee(user, clue)).isPresent();
    }

    public record Proposed(long id, String clueNo) {
    }

    private ClueCategory category(String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.badRequest("CATEGORY_MISSING", "请选择问题线索类别。");
        }
        return clues.findCategory(code.strip()).filter(ClueCategory::enabled).orElseThrow(() -> ApiException.badRequest(
                "UNKNOWN_CATEGORY", "问题线索类别 " + code + " 不存在或已停用。"));
    }

    private OrgUnit agency(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return orgs.findByCode(code.strip()).filter(org -> org.kind() == OrgKind.AGENCY)
                .orElseThrow(() -> ApiException.badRequest("UNKNOWN_AGENCY", "执法部门 " + code + " 不存在。"));
    }

    private static List<ClueMapper.ClueLink> links(List<ClueProposal.ClueRef> refs) {
        List<ClueMapper.ClueLink> links = new ArrayList<>();
        if (refs != null) {
            for (ClueProposal.ClueRef ref : refs) {
                if (ref == null || ref.type() == null || ref.type() == ClueSource.NONE || ref.no() == null
                        || ref.no().isBlank()) {
                    throw ApiException.badRequest("INVALID_EVIDENCE_LINK", "证据关联记录须注明类型和编号。");
                }
                links.add(new ClueMapper.ClueLink(ref.type(), ref.no().strip()));
            }
        }
        return links;
    }

    /** The supervision body the proposer works in (their organisation or the nearest one above it). */
    private OrgUnit supervisionBodyOf(OrgUnit org) {
        String[] ids = org.treePath().split("/");
        for (int i = ids.length - 1; i >= 0; i--) {
            if (ids[i].isEmpty()) {
                continue;
            }
            Optional<OrgUnit> unit = orgs.findById(Long.parseLong(ids[i]));
            if (unit.isPresent() && unit.get().kind() == OrgKind.SUPERVISION_BODY) {
                return unit.get();
            }
        }
        throw ApiException.badRequest("NOT_IN_SUPERVISION_BODY", "提出人不属于行政执法监督机构，不能提出移送建议。");
    }

    /** The receiving body: the one named, or the body of that kind of the supervision body's own government. */
    private OrgUnit targetOrg(OrgUnit issuer, ClueTarget target, String code) {
        if (code != null && !code.isBlank()) {
            return orgs.findByCode(code.strip()).filter(org -> org.enabled() && org.kind() == target.orgKind())
                    .orElseThrow(() -> ApiException.badRequest("UNKNOWN_TARGET_ORG",
                            "受移送机关 " + code + " 不存在或不是" + target.label() + "。"));
        }
        if (issuer.parentId() != null) {
            List<OrgUnit> candidates = clues.orgsOfKindUnder(issuer.parentId(), target.orgKind());
            if (!candidates.isEmpty()) {
                return candidates.get(0);
            }
        }
        throw ApiException.badRequest("NO_TARGET_ORG", "本级未设置" + target.label() + "，请指定受移送机关。");
    }

    private static String requireText(String text, String code, String message) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(code, message);
        }
        return text.strip();
    }
}
