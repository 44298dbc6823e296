package org.jiandu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.clue.ClueProposal;
import org.jiandu.clue.ClueService;
import org.jiandu.clue.ClueSource;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.identity.UserDirectory;
import org.jiandu.letter.LetterContent;
import org.jiandu.letter.LetterRow;
import org.jiandu.letter.LetterService;
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
 * Supervision cases: each user action writes the case's tables, moves its process and writes the audit row
 * in one transaction; what a step records is recorded by the step's completion listener.
 */
@Service
public class SupervisionCaseService {

    public static final String RECORD = "CASE";
    static final String PROCESS = "supervision-case";
    static final Set<String> SOURCES = Set.of("COMPLAINT", "CASE_REVIEW", "SPECIAL_INSPECTION", "ROUTINE_INSPECTION",
            "HOTLINE_12345", "REFERRAL");
    static final Set<String> RECORD_KINDS = Set.of("EVIDENCE", "INTERVIEW", "NOTE");

    private final CaseMapper mapper;
    private final LetterService letters;
    private final Sequences sequences;
    private final RuntimeService runtimeService;
    private final EngineAccess engineAccess;
    private final ProcessTasks tasks;
    private final DocumentStore store;
    private final OrgUnitMapper orgs;
    private final UserDirectory users;
    private final AuditLog auditLog;
    private final ClueService clues;
    private final CorrectiveDecisions correctiveDecisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupervisionCaseService(CaseMapper mapper, LetterService letters, Sequences sequences, RuntimeService runtimeService,
                EngineAccess engineAccess, ProcessTasks tasks, DocumentStore store, OrgUnitMapper orgs,
                UserDirectory users, AuditLog auditLog, ClueService clues,
                CorrectiveDecisions correctiveDecisions, ApplicationEventPublisher events, Clock clock) {
        this.clues = clues;
        this.correctiveDecisions = correctiveDecisions;
        this.events = events;
        this.mapper = mapper;
        this.letters = letters;
        this.sequences = sequences;
        this.runtimeService = runtimeService;
        this.engineAccess = engineAccess;
        this.tasks = tasks;
        this.store = store;
        this.orgs = orgs;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ user actions

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
        if (!SOURCES.contains(request.sourceType())) {
            throw ApiException.badRequest("INVALID_SOURCE", "案件来源须为 " + String.join("、", SOURCES) + " 之一。");
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
                runtimeService.startProcessInstanceByKey(PROCESS, row.caseNo, Map.of("agencyCode", row.agencyCode)));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("source", row.sourceType + (row.sourceRef == null ? "" : ":" + row.sourceRef));
        changes.put("agency", row.agencyCode);
        changes.put("title", row.title);
        auditLog.record(RECORD, row.caseNo, "CASE_OPENED", changes);
        if ("COMPLAINT".equals(row.sourceType)) {
            events.publishEvent(new RecordOpened("COMPLAINT", row.sourceRef, RecordOpened.SUPERVISION_CASE, row.id,
                    row.caseNo));
        }
        return mapper.find(row.id).orElseThrow();
    }

    @Transactional
    public void approveFiling(long id, CurrentUser user, boolean approved, String reason) {
        CaseRow row = internal(id, user);
        Task task = tasks.require(row.caseNo(), CaseStep.APPROVE_FILING.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions().putValue(CaseProcess.FILING_APPROVED, approved), "reason", reason));
    }

    /** Evidence, interview notes or a note, with an optional file, while the case is investigated. */
    @Transactional
    public CaseRecord addRecord(long id, CurrentUser user, String kind, String content, MultipartFile file) {
        CaseRow row = internal(id, user);
        tasks.require(row.caseNo(), CaseStep.INVESTIGATE.taskKey(), user);
        if (!RECORD_KINDS.contains(kind)) {
            throw ApiException.badRequest("INVALID_RECORD_KIND", "记录类型须为 EVIDENCE（证据）、INTERVIEW（询问笔录）或 NOTE（工作记录）。");
        }
        if (content == null || content.isBlank()) {
            throw ApiException.badRequest("FIELD_REQUIRED", "请填写记录内容。");
        }
        Long documentId = null;
        if (file != null && !file.isEmpty()) {
            documentId = store.storeUpload(RECORD, row.caseNo(), DocType.EVIDENCE, file).id();
        }
        mapper.insertRecord(id, kind, content.strip(), documentId, user.userId(), now());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("kind", kind);
        changes.put("documentId", documentId);
        auditLog.record(RECORD, row.caseNo(), "INVESTIGATION_RECORDED", changes);
        List<CaseRecord> records = mapper.records(id);
        return records.get(records.size() - 1);
    }

    /** Ends the investigation and names the participants of the collective deliberation. */
    @Transactional
    public void finishInvestigation(long id, CurrentUser user, List<String> participants) {
        CaseRow row = internal(id, user);
        Task task = tasks.require(row.caseNo(), CaseStep.INVESTIGATE.taskKey(), user);
        for (String participant : participants.stream().distinct().toList()) {
            requireStaff(participant);
            mapper.insertParticipant(id, participant, user.userId(), now());
        }
        tasks.complete(task, ProcessTasks.decisions());
    }

    /** Adds a participant while the deliberation runs: one more instance of the multi-instance step. */
    @Transactional
    public void addParticipant(long id, CurrentUser user, String participant) {
        CaseRow row = internal(id, user);
        if (!user.hasAny(Role.SUPERVISOR, Role.LEAD)) {
            throw ApiException.forbidden("FORBIDDEN", "由承办人或负责人增加集体研究参加人。");
        }
        Task running = tasks.active(row.caseNo(), CaseStep.DELIBERATE.taskKey()).orElseThrow(() -> ApiException.conflict(
                "NOT_AT_THIS_STEP", "集体研究不在进行中，不能增加参加人。"));
        requireStaff(participant);
        if (mapper.participants(id).stream().anyMatch(p -> p.userId().equals(participant))) {
            throw ApiException.conflict("ALREADY_PARTICIPANT", participant + " 已是集体研究参加人。");
        }
        mapper.insertParticipant(id, participant, user.userId(), now());
        engineAccess.withoutAuthorizationChecks(() -> runtimeService
                .createProcessInstanceModification(running.getProcessInstanceId())
                .startBeforeActivity(CaseStep.DELIBERATE.taskKey())
                .setVariableLocal("participant", participant)
                .execute());
        auditLog.record(RECORD, row.caseNo(), "PARTICIPANT_ADDED", Map.of("participant", participant));
    }

    @Transactional
    public void giveOpinion(long id, CurrentUser user, String opinion) {
        CaseRow row = internal(id, user);
        Task task = tasks.requireAssigned(row.caseNo(), CaseStep.DELIBERATE.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "opinion", opinion));
    }

    /**
     * Records the minutes and the decision. The decided letters are written now and run as called processes; a
     * decided clue transfer is proposed now (its legal review is the next step of its own process), with the case
     * as its source and the case's agency as the agency concerned. All in this one transaction.
     */
    @Transactional
    public void decide(long id, CurrentUser user, DecisionRequest decision) {
        CaseRow row = internal(id, user);
        Task task = tasks.require(row.caseNo(), CaseStep.RECORD_DECISION.taskKey(), user);
        boolean anyAction = !decision.letters().isEmpty() || notBlank(decision.correctiveDecision())
                || notBlank(decision.clueTransfer()) || decision.clue() != null;
        if (decision.closeNoFinding() == anyAction) {
            throw ApiException.badRequest("INVALID_DECISION", decision.closeNoFinding()
                    ? "不予处理结案时不能同时发建议书、作纠正决定或移送线索。"
                    : "请至少选择一项处理决定：不予处理结案、监督建议书、纠正决定或移送线索。");
        }
        if (notBlank(decision.clueTransfer()) && decision.clue() == null) {
            throw ApiException.badRequest("CLUE_DETAILS_REQUIRED",
                    "决定移送问题线索的，请填写线索的类别、事实和涉及人员（clue），以便提出移送。");
        }
        for (LetterContent letter : decision.letters()) {
            letters.createForCase(row.caseNo(), letter, user.userId());
        }
        String clueTransfer = strip(decision.clueTransfer());
        if (decision.clue() != null) {
            ClueProposal asked = decision.clue();
            clues.propose(new ClueProposal(asked.target(), asked.targetOrgCode(), asked.categoryCode(), asked.facts(),
                    asked.personsInvolved(), row.agencyCode(), new ClueProposal.ClueRef(ClueSource.CASE, row.caseNo()),
                    asked.evidenceLinks()), user);
            // the clue's number is shown only to those with need to know (linkedClues), not in the case's own text
            clueTransfer = clueTransfer == null ? "移送问题线索" : clueTransfer;
        }
        mapper.decide(id, decision.closeNoFinding(), strip(decision.correctiveDecision()), clueTransfer,
                user.userId(), now());
        if (notBlank(decision.correctiveDecision())) {
            correctiveDecisions.issue(row, decision.correctiveDecision().strip(), user.userId());
        }
        var variables = ProcessTasks.decisions().putValue(CaseProcess.LETTER_COUNT, decision.letters().size());
        tasks.complete(task, ProcessTasks.text(variables, CaseProcess.MINUTES, decision.minutes()));
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public CaseView view(long id, CurrentUser user) {
        CaseRow row = visible(id, user);
        boolean agencyView = !LetterService.isInternal(user);
        List<CaseView.LetterLink> caseLetters = letters.ofCase(row.caseNo()).stream()
                .filter(letter -> LetterService.mayView(letter, user))
                .map(letter -> new CaseView.LetterLink(letter.id(), letter.letterNo(), letter.docNo(), letter.agencyCode(),
                        letter.title(), letter.status()))
                .toList();
        if (agencyView) {
            return new CaseView(row.forAgency(), List.of(), List.of(), List.of(), List.of(), caseLetters,
                    servedOnAgency(row), List.of());
        }
        return new CaseView(row, tasks.steps(row.caseNo()), mapper.decisions(id), mapper.records(id),
                mapper.participants(id), caseLetters, store.list(RECORD, row.caseNo()),
                clues.linkedClues(ClueSource.CASE, row.caseNo(), user));
    }

    @Transactional(readOnly = true)
    public Page<CaseRow> list(CurrentUser user, String agencyCode, String sourceType, String sourceRef, String status,
                              int page, int size) {
        boolean agencyView = !LetterService.isInternal(user);
        if (agencyView && !user.has(Role.AGENCY)) {
            return new Page<>(List.of(), 0, page, size);
        }
        String agency = agencyView ? user.org().code() : agencyCode;
        List<CaseRow> rows = mapper.list(agency, sourceType, sourceRef, status, Page.offset(page, size), size);
        return new Page<>(agencyView ? rows.stream().map(CaseRow::forAgency).toList() : rows,
                mapper.count(agency, sourceType, sourceRef, status), page, size);
    }

    /** The cases opened from a source, e.g. a complaint's tracking number: for the complaint's own view. */
    @Transactional(readOnly = true)
    public List<CaseRow> bySource(String sourceType, String sourceRef) {
        return mapper.list(null, sourceType, sourceRef, null, 0, 100);
    }

    /** Downloads a case document: staff any, the agency concerned only what was served on it (纠正决定书). */
    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        CaseRow row = visible(id, user);
        boolean agencyView = !LetterService.isInternal(user);
        StoredDocument document = store.find(documentId)
                .filter(doc -> RECORD.equals(doc.recordType()) && row.caseNo().equals(doc.recordNo()))
                .filter(doc -> !agencyView || doc.docType() == DocType.CORRECTIVE_DECISION)
                .orElseThrow(() -> ApiException.notFound("DOCUMENT_NOT_FOUND", "文书不存在。"));
        return store.download(document);
    }

    private List<StoredDocument> servedOnAgency(CaseRow row) {
        return store.list(RECORD, row.caseNo()).stream().filter(doc -> doc.docType() == DocType.CORRECTIVE_DECISION)
                .toList();
    }

    // ------------------------------------------------------------------ process hooks

    /** The case a process instance works on: the one its business key numbers, never one a variable names. */
    long idOf(DelegateExecution execution) {
        return caseOf(execution).id();
    }

    private CaseRow caseOf(DelegateExecution execution) {
        String caseNo = execution.getProcessBusinessKey();
        return mapper.findByNo(caseNo).orElseThrow(() -> new IllegalStateException("No case " + caseNo));
    }

    public void onTaskCompleted(DelegateTask task) {
        CaseRow row = caseOf(task.getExecution());
        long id = row.id();
        String actor = tasks.actorId();
        LocalDateTime now = now();
        switch (CaseStep.of(task.getTaskDefinitionKey())) {
            case APPROVE_FILING -> {
                boolean approved = ProcessTasks.requiredDecision(task, CaseProcess.FILING_APPROVED, "是否立案");
                String reason = approved ? ProcessTasks.optionalText(task, CaseProcess.REASON)
                        : ProcessTasks.requiredText(task, CaseProcess.REASON, "不予立案理由");
                mapper.insertDecision(id, "FILING", approved ? "FILED" : "NOT_FILED", reason, actor, now);
                mapper.status(id, approved ? CaseStatus.INVESTIGATING.name() : CaseStatus.NOT_FILED.name());
                auditLog.record(RECORD, row.caseNo(), approved ? "CASE_FILED" : "CASE_NOT_FILED",
                        reason == null ? Map.of() : Map.of("reason", reason));
            }
            case INVESTIGATE -> {
                if (mapper.participants(id).isEmpty()) {
                    throw ApiException.badRequest("PARTICIPANTS_REQUIRED", "请确定集体研究的参加人。");
                }
                mapper.status(id, CaseStatus.DELIBERATING.name());
                auditLog.record(RECORD, row.caseNo(), "INVESTIGATION_FINISHED", Map.of("records", mapper.records(id).size()));
            }
            case DELIBERATE -> {
                String opinion = ProcessTasks.requiredText(task, CaseProcess.OPINION, "本人意见");
                mapper.opinion(id, task.getAssignee(), opinion, now);
                auditLog.record(RECORD, row.caseNo(), "OPINION_GIVEN", Map.of("participant", String.valueOf(task.getAssignee())));
            }
            case RECORD_DECISION -> {
                String minutes = ProcessTasks.requiredText(task, CaseProcess.MINUTES, "集体研究纪要");
                if (!(task.getVariable(CaseProcess.LETTER_COUNT) instanceof Number)) {
                    throw ApiException.badRequest("DECISION_REQUIRED", "请通过案件页面记录处理决定。");
                }
                CaseRow decided = mapper.find(id).orElseThrow();
                if (decided.decidedBy() == null) {
                    throw ApiException.badRequest("DECISION_REQUIRED", "请通过案件页面记录处理决定。");
                }
                mapper.minutes(id, minutes, CaseStatus.EXECUTING.name());
                String summary = describe(decided, ((Number) task.getVariable(CaseProcess.LETTER_COUNT)).intValue());
                mapper.insertDecision(id, "DECISION", "DECIDED", summary, actor, now);
                auditLog.record(RECORD, row.caseNo(), "CASE_DECIDED", Map.of("decision", summary));
            }
            default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
        }
    }

    public void close(DelegateExecution execution, boolean filed) {
        CaseRow row = caseOf(execution);
        long id = row.id();
        mapper.close(id, filed ? CaseStatus.CLOSED.name() : CaseStatus.NOT_FILED.name(), now());
        auditLog.record(RECORD, row.caseNo(), filed ? "CASE_CLOSED" : "CASE_NOT_FILED_CLOSED", Map.of("status",
                AuditLog.change(row.status(), filed ? CaseStatus.CLOSED.name() : CaseStatus.NOT_FILED.name())));
    }

    /** For ${supervisionCases.participants(execution)}: the user ids of the deliberation's participants. */
    @Transactional(readOnly = true)
    public List<String> participantIds(long caseId) {
        return mapper.participants(caseId).stream().map(Participant::userId).toList();
    }

    /** For ${supervisionCases.letterNos(execution)}: the numbers of the letters the case decided. */
    @Transactional(readOnly = true)
    public List<String> letterNos(long caseId) {
        CaseRow row = mapper.find(caseId).orElseThrow();
        return letters.ofCase(row.caseNo()).stream().map(LetterRow::letterNo).toList();
    }

    // ------------------------------------------------------------------ helpers

    private static String describe(CaseRow decided, int letterCount) {
        StringBuilder text = new StringBuilder();
        if (decided.closeNoFinding()) {
            text.append("不予处理，结案；");
        }
        if (letterCount > 0) {
            text.append("制发监督建议书 ").append(letterCount).append(" 份；");
        }
        if (decided.correctiveDecision() != null) {
            text.append("作出纠正决定；");
        }
        if (decided.clueTransfer() != null) {
            text.append("移送问题线索（已提出移送，按线索移送程序办理）；");
        }
        return text.toString();
    }

    private CaseRow visible(long id, CurrentUser user) {
        CaseRow row = mapper.find(id).orElse(null);
        if (row == null || !(LetterService.isInternal(user)
                || user.has(Role.AGENCY) && user.org().code().equals(row.agencyCode()))) {
            throw ApiException.notFound("CASE_NOT_FOUND", "案件不存在。");
        }
        return row;
    }

    private CaseRow internal(long id, CurrentUser user) {
        CaseRow row = visible(id, user);
        if (!LetterService.isInternal(user)) {
            throw ApiException.notFound("CASE_NOT_FOUND", "案件不存在。");
        }
        return row;
    }

    private void requireStaff(String userId) {
        CurrentUser participant = users.load(userId).orElseThrow(() -> ApiException.badRequest("USER_NOT_FOUND",
                "用户 " + userId + " 不存在。"));
        if (!participant.hasAny(Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER)) {
            throw ApiException.badRequest("NOT_STAFF", "集体研究参加人须为监督员、负责人或法制审核员。");
        }
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static String strip(String text) {
        return notBlank(text) ? text.strip() : null;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
