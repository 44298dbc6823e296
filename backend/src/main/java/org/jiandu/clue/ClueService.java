package org.jiandu.clue;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.platform.EngineAccess;
import org.jiandu.sequence.Sequences;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.jiandu.web.Page;
import org.jiandu.workflow.ProcessTasks;
import org.jiandu.workflow.RecordOpened;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The user actions on clues (问题线索移送): propose, revise, decide, sign for, record the outcome, and
 * read them, each checked against need to know first. Every action is one transaction: the clue's rows,
 * the engine step (and on approval the numbered documents) and the audit row.
 */
@Service
public class ClueService {

    static final String PROCESS_KEY = "clue-transfer";

    private final ClueMapper clues;
    private final OrgUnitMapper orgs;
    private final Sequences sequences;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final EngineAccess engineAccess;
    private final DocumentStore documentStore;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final ProcessTasks tasks;
    private final Clock clock;

    ClueService(ClueMapper clues, OrgUnitMapper orgs, Sequences sequences, RuntimeService runtimeService,
                TaskService taskService, EngineAccess engineAccess, DocumentStore documentStore, AuditLog auditLog,
                ApplicationEventPublisher events, ProcessTasks tasks, Clock clock) {
        this.events = events;
        this.tasks = tasks;
        this.clues = clues;
        this.orgs = orgs;
        this.sequences = sequences;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.engineAccess = engineAccess;
        this.documentStore = documentStore;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Proposes a transfer and starts its process (legal review next). The proposer, a supervisor or a
     * lead of a supervision body, becomes the clue's handler.
     */
    @Transactional
    public ClueViews.ClueView propose(ClueProposal proposal, CurrentUser proposer) {
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

        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        ClueMapper.NewClue row = new ClueMapper.NewClue();
        row.clueNo = String.format("XS-%d-%06d", now.getYear(), sequences.next("CLUE|" + now.getYear()));
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
        String processInstanceId = engineAccess.withoutAuthorizationChecks(() -> runtimeService
                .startProcessInstanceByKey(PROCESS_KEY, row.clueNo, variables).getId());
        clues.setProcessInstance(row.id, processInstanceId);
        if (row.sourceType == ClueSource.COMPLAINT) {
            events.publishEvent(new RecordOpened("COMPLAINT", row.sourceNo, RecordOpened.CLUE_TRANSFER, row.id, row.clueNo));
        }
        return view(row.id, proposer);
    }

    /** The handler changes a proposal that legal review returned (before resubmitting it). */
    @Transactional
    public ClueViews.ClueView revise(long id, ClueProposal proposal, CurrentUser user) {
        Clue clue = visible(id, user);
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
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
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
        return view(id, user);
    }

    @Transactional
    public ClueViews.ClueView legalReview(long id, boolean passed, String opinion, CurrentUser user) {
        Clue clue = visible(id, user);
        requireRole(user, Role.LEGAL_REVIEWER, "只有法制审核员可以进行法制审核。");
        complete(clue, ClueStep.LEGAL_REVIEW.taskKey(), Variables.createVariables().putValue(ClueProcess.LEGAL_REVIEW_PASSED, passed)
                .putValueTyped("legalOpinion", Variables.stringValue(opinion, true)));
        return view(id, user);
    }

    @Transactional
    public ClueViews.ClueView revision(long id, boolean resubmit, String note, CurrentUser user) {
        Clue clue = visible(id, user);
        if (!ClueAccess.isHandlerOf(user, clue)) {
            throw ApiException.forbidden("FORBIDDEN", "只有承办人可以重新提交或撤回移送建议。");
        }
        complete(clue, ClueStep.REVISE_PROPOSAL.taskKey(), Variables.createVariables().putValue(ClueProcess.RESUBMIT, resubmit)
                .putValueTyped("revisionNote", Variables.stringValue(note, true)));
        return view(id, user);
    }

    @Transactional
    public ClueViews.ClueView collectiveDecision(long id, boolean agreed, String minutes, CurrentUser user) {
        Clue clue = visible(id, user);
        requireRole(user, Role.LEAD, "只有科室负责人可以登记集体研究决定。");
        complete(clue, ClueStep.COLLECTIVE_DECISION.taskKey(), Variables.createVariables().putValue(ClueProcess.COLLECTIVE_AGREED, agreed)
                .putValueTyped("meetingMinutes", Variables.stringValue(minutes, true)));
        return view(id, user);
    }

    /** The lead's decision; approval numbers and stores the transfer letter and materials list in this transaction. */
    @Transactional
    public ClueViews.ClueView approval(long id, boolean approved, String opinion, CurrentUser user) {
        Clue clue = visible(id, user);
        requireRole(user, Role.LEAD, "只有科室负责人可以审批移送。");
        complete(clue, ClueStep.LEAD_APPROVAL.taskKey(), Variables.createVariables().putValue(ClueProcess.LEAD_APPROVED, approved)
                .putValueTyped("leadOpinion", Variables.stringValue(opinion, true)));
        return view(id, user);
    }

    /** The receiving body signs for the transfer (签收). */
    @Transactional
    public ClueViews.ClueView acknowledge(long id, String note, CurrentUser user) {
        Clue clue = visible(id, user);
        if (!ClueAccess.isReceiverOf(user, clue)) {
            throw ApiException.forbidden("FORBIDDEN", "只有受移送机关可以签收。");
        }
        complete(clue, ClueStep.ACKNOWLEDGE_RECEIPT.taskKey(), Variables.createVariables()
                .putValueTyped("receiptNote", Variables.stringValue(note, true)));
        return view(id, user);
    }

    /**
     * The outcome (处理结果): by the receiving body after it signed for the clue, or by the handler from a
     * paper reply once the receiving body is overdue.
     */
    @Transactional
    public ClueViews.ClueView recordOutcome(long id, ClueOutcome kind, String text, CurrentUser user) {
        Clue clue = visible(id, user);
        String taskKey;
        if (ClueAccess.isReceiverOf(user, clue)) {
            taskKey = ClueStep.RECORD_OUTCOME.taskKey();
        } else if (ClueAccess.isHandlerOf(user, clue)) {
            taskKey = ClueStep.RECORD_PAPER_OUTCOME.taskKey();
        } else {
            throw ApiException.forbidden("FORBIDDEN", "只有受移送机关或承办人可以登记处理结果。");
        }
        complete(clue, taskKey, Variables.createVariables()
                .putValueTyped("outcomeKind", Variables.stringValue(kind.name(), true))
                .putValueTyped("outcomeText", Variables.stringValue(text, true)));
        return view(id, user);
    }

    /**
     * Files of a clue: evidence (证据材料) the handler adds before approval, or outcome files (附件) the
     * receiving body adds after signing for it (or the handler, from a paper reply).
     */
    @Transactional
    public StoredDocument upload(long id, FileKind kind, MultipartFile file, CurrentUser user) {
        Clue clue = visible(id, user);
        if (kind == FileKind.EVIDENCE) {
            if (!ClueAccess.isHandlerOf(user, clue)) {
                throw ApiException.forbidden("FORBIDDEN", "只有承办人可以添加证据材料。");
            }
            if (clue.status() != ClueStatus.LEGAL_REVIEW && clue.status() != ClueStatus.RETURNED) {
                throw ApiException.conflict("CLUE_ALREADY_DECIDED", "移送已审批或已终止，证据材料不能再添加。");
            }
            return documentStore.storeUpload(ClueWorkflow.RECORD_TYPE, clue.clueNo(), DocType.EVIDENCE, file);
        }
        boolean receiver = ClueAccess.isReceiverOf(user, clue) && clue.acknowledgedAt() != null;
        boolean paper = ClueAccess.isHandlerOf(user, clue) && clue.status() == ClueStatus.OUTCOME_OVERDUE;
        if (!receiver && !paper) {
            throw ApiException.forbidden("FORBIDDEN", "只有签收后的受移送机关（或逾期时的承办人）可以添加处理结果材料。");
        }
        if (clue.outcomeKind() != null) {
            throw ApiException.conflict("OUTCOME_ALREADY_RECORDED", "处理结果已登记，材料不能再添加。");
        }
        return documentStore.storeUpload(ClueWorkflow.RECORD_TYPE, clue.clueNo(), DocType.ATTACHMENT, file);
    }

    /** What a file added to a clue is. */
    public enum FileKind {
        EVIDENCE, OUTCOME
    }

    @Transactional(readOnly = true)
    public ClueViews.ClueView view(long id, CurrentUser user) {
        Clue clue = visible(id, user);
        boolean receiverView = !ClueAccess.scopeOf(user).map(ClueMapper.Scope::all).orElse(false)
                && !ClueAccess.isHandlerOf(user, clue);
        List<ClueViews.OpenStep> openSteps = engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceId(clue.processInstanceId()).orderByTaskCreateTime().asc().list()).stream()
                .map(task -> new ClueViews.OpenStep(task.getTaskDefinitionKey(), task.getName(), task.getDueDate()))
                .toList();
        return new ClueViews.ClueView(clue.id(), clue.clueNo(), clue.status(), clue.status().label(), clue.targetKind(),
                clue.targetKind().label(), new ClueViews.OrgRef(clue.targetOrgCode(), clue.targetOrgName()),
                new ClueViews.OrgRef(clue.issuerOrgCode(), clue.issuerOrgName()),
                new ClueViews.CategoryRef(clue.categoryCode(), clue.categoryName(), clue.collectiveRequired()),
                clue.facts(), clue.personsInvolved(),
                clue.agencyOrgCode() == null ? null : new ClueViews.OrgRef(clue.agencyOrgCode(), clue.agencyOrgName()),
                new ClueProposal.ClueRef(clue.sourceType(), clue.sourceNo()),
                clues.linksOf(id).stream().map(link -> new ClueProposal.ClueRef(link.recordType(), link.recordNo())).toList(),
                clue.handler(), clue.proposedAt(), clue.approvedBy(), clue.approvedAt(), clue.transferLetterNo(),
                clue.transferDue(), clue.acknowledgedBy(), clue.acknowledgedAt(), clue.outcomeDue(),
                clue.outcomeKind() == null ? null : new ClueViews.OutcomeView(clue.outcomeKind(),
                        clue.outcomeKind().label(), clue.outcomeText(), Boolean.TRUE.equals(clue.outcomeOnPaper()),
                        clue.outcomeRecordedBy(), clue.outcomeRecordedAt()),
                clue.closedAt(), openSteps, receiverView ? List.of() : clues.stepsOf(id),
                documentStore.list(ClueWorkflow.RECORD_TYPE, clue.clueNo()));
    }

    @Transactional(readOnly = true)
    public Page<ClueViews.ClueSummary> list(ClueStatus status, int page, int size, CurrentUser user) {
        ClueMapper.Scope scope = ClueAccess.requireScope(user);
        List<ClueViews.ClueSummary> items = clues.list(scope, status, Page.offset(page, size), size).stream()
                .map(ClueService::summary).toList();
        return new Page<>(items, clues.count(scope, status), page, size);
    }

    @Transactional(readOnly = true)
    public ClueViews.ClueCounts counts(CurrentUser user) {
        ClueMapper.Scope scope = ClueAccess.requireScope(user);
        Map<ClueStatus, Long> byStatus = new EnumMap<>(ClueStatus.class);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Map<ClueOutcome, Long> byOutcome = new EnumMap<>(ClueOutcome.class);
        long total = 0;
        for (ClueMapper.CountRow row : clues.counts(scope)) {
            total += row.n();
            byStatus.merge(row.status(), row.n(), Long::sum);
            byCategory.merge(row.categoryCode(), row.n(), Long::sum);
            if (row.outcomeKind() != null) {
                byOutcome.merge(row.outcomeKind(), row.n(), Long::sum);
            }
        }
        return new ClueViews.ClueCounts(total, byStatus, byCategory, byOutcome);
    }

    /**
     * The clues that come from or rest on a record (a complaint, case, letter, rectification or
     * escalation), as far as the viewer may see them: for embedding in that record's view. Empty for
     * agencies and everyone else without need to know.
     */
    @Transactional(readOnly = true)
    public List<ClueViews.ClueSummary> linkedClues(ClueSource sourceType, String sourceNo, CurrentUser viewer) {
        Optional<ClueMapper.Scope> scope = ClueAccess.scopeOf(viewer);
        if (scope.isEmpty() || sourceType == null || sourceNo == null || sourceNo.isBlank()) {
            return List.of();
        }
        return clues.findBySource(scope.get(), sourceType, sourceNo.strip()).stream().map(ClueService::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<StoredDocument> documents(long id, CurrentUser user) {
        Clue clue = visible(id, user);
        return documentStore.list(ClueWorkflow.RECORD_TYPE, clue.clueNo());
    }

    /** Downloads one of a clue's documents (and records who did). */
    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        Clue clue = visible(id, user);
        StoredDocument document = documentStore.find(documentId)
                .filter(found -> found.recordType().equals(ClueWorkflow.RECORD_TYPE)
                        && found.recordNo().equals(clue.clueNo()))
                .orElseThrow(() -> ApiException.notFound("DOCUMENT_NOT_FOUND", "文书不存在。"));
        return documentStore.download(document);
    }

    private Clue visible(long id, CurrentUser user) {
        ClueAccess.requireScope(user);
        return clues.find(id).filter(clue -> ClueAccess.canSee(user, clue)).orElseThrow(ClueAccess::notFound);
    }

    private void complete(Clue clue, String taskKey, VariableMap variables) {
        Task task = engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceId(clue.processInstanceId()).taskDefinitionKey(taskKey).singleResult());
        if (task == null) {
            throw ApiException.conflict("STEP_NOT_OPEN", "该问题线索当前不在这一办理环节（当前状态：" + clue.status().label() + "）。");
        }
        // claimed for the actor and completed; a refusal of the completion listener is answered as itself
        tasks.complete(task, variables);
    }

    private static void requireRole(CurrentUser user, Role role, String message) {
        if (!user.has(role)) {
            throw ApiException.forbidden("FORBIDDEN", message);
        }
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

    private static ClueViews.ClueSummary summary(Clue clue) {
        return new ClueViews.ClueSummary(clue.id(), clue.clueNo(), clue.status(), clue.status().label(),
                clue.targetKind(), clue.targetOrgName(), clue.categoryName(), clue.agencyOrgName(), clue.sourceType(),
                clue.sourceNo(), clue.handler(), clue.proposedAt(), clue.approvedAt(), clue.transferLetterNo(),
                clue.transferDue(), clue.outcomeDue(), clue.outcomeKind(), clue.closedAt());
    }
}
