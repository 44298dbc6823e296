package org.jiandu.letter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.deadline.Deadlines;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentNumbers;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.OfficialDocument;
import org.jiandu.document.OfficialDocumentWriter;
import org.jiandu.document.StoredDocument;
import org.jiandu.escalation.EscalationService;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
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
 * Suggestion letters: each user action writes the letter's tables, moves its process and writes the audit
 * row in one transaction. What is recorded at a step (decisions, reasons, replies) is recorded by the step's
 * completion listener, so a task completed in Tasklist is checked and recorded the same way.
 */
@Service
public class LetterService {

    public static final String RECORD = "LETTER";
    static final String PROCESS = "supervision-letter";

    private final LetterMapper mapper;
    private final Sequences sequences;
    private final RuntimeService runtimeService;
    private final EngineAccess engineAccess;
    private final ProcessTasks tasks;
    private final DocumentNumbers numbers;
    private final OfficialDocumentWriter writer;
    private final DocumentStore store;
    private final OrgUnitMapper orgs;
    private final Issuers issuers;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Deadlines deadlines;
    private final EscalationService escalations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LetterService(LetterMapper mapper, Sequences sequences, RuntimeService runtimeService, EngineAccess engineAccess,
                  ProcessTasks tasks, DocumentNumbers numbers, OfficialDocumentWriter writer, DocumentStore store,
                  OrgUnitMapper orgs, Issuers issuers, Notifications notifications, AuditLog auditLog,
                  Deadlines deadlines, EscalationService escalations, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.sequences = sequences;
        this.runtimeService = runtimeService;
        this.engineAccess = engineAccess;
        this.tasks = tasks;
        this.numbers = numbers;
        this.writer = writer;
        this.store = store;
        this.orgs = orgs;
        this.issuers = issuers;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.deadlines = deadlines;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ user actions

    /** A letter started on its own (from a complaint's proposal or directly by a supervisor). */
    @Transactional
    public LetterRow create(CurrentUser user, LetterContent content, String sourceType, String sourceRef) {
        requireAny(user, Role.SUPERVISOR, Role.LEAD);
        if (!"COMPLAINT".equals(sourceType) && !"DIRECT".equals(sourceType)) {
            throw ApiException.badRequest("INVALID_SOURCE", "建议书来源只能是 COMPLAINT（投诉举报）或 DIRECT（直接制发）。");
        }
        if ("COMPLAINT".equals(sourceType) && (sourceRef == null || sourceRef.isBlank())) {
            throw ApiException.badRequest("SOURCE_REF_REQUIRED", "来源为投诉举报时须填写投诉举报编号。");
        }
        return start(sourceType, sourceRef, content, user.userId());
    }

    /**
     * A letter a lead's approval of a complaint's proposal starts, its draft written from the complaint; the
     * supervisor's draft step (the first) completes it. Announced as {@link RecordOpened}, so that the complaint shows it.
     */
    @Transactional
    public LetterRow createForComplaint(String trackingNo, LetterContent draft, String userId) {
        return start("COMPLAINT", trackingNo, draft, userId);
    }

    private LetterRow start(String sourceType, String sourceRef, LetterContent content, String userId) {
        String letterNo = insert(null, sourceType, sourceRef, content, userId);
        engineAccess.withoutAuthorizationChecks(() -> runtimeService.startProcessInstanceByKey(PROCESS, letterNo));
        LetterRow letter = mapper.findByNo(letterNo).orElseThrow();
        if ("COMPLAINT".equals(sourceType)) {
            events.publishEvent(new RecordOpened("COMPLAINT", letter.sourceRef(), RecordOpened.SUGGESTION_LETTER,
                    letter.id(), letterNo));
        }
        return letter;
    }

    /** A letter decided by a case: written now, started by the case's call activity. */
    @Transactional
    public String createForCase(String caseNo, LetterContent content, String userId) {
        return insert(caseNo, "CASE", caseNo, content, userId);
    }

    @Transactional
    public void submitDraft(long id, CurrentUser user, LetterContent content) {
        LetterRow letter = internal(id, user);
        Task task = tasks.require(letter.letterNo(), LetterStep.DRAFT.taskKey(), user);
        agency(content.agencyCode());
        if (!letter.agencyCode().equals(content.agencyCode())) {
            throw ApiException.badRequest("AGENCY_FIXED", "建议书的被监督单位在立项时已确定，不能更改。");
        }
        mapper.updateDraft(id, content.title(), content.body(), content.replyDays(), content.rectificationRequired());
        tasks.complete(task, ProcessTasks.decisions().putValue(LetterProcess.RECTIFICATION_REQUIRED, content.rectificationRequired()));
    }

    @Transactional
    public void legalReview(long id, CurrentUser user, boolean passed, String reason) {
        LetterRow letter = internal(id, user);
        Task task = tasks.require(letter.letterNo(), LetterStep.LEGAL_REVIEW.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions().putValue(LetterProcess.LEGAL_PASSED, passed), "reason", reason));
    }

    /** The lead signs (签发): in this transaction the number is taken and the document rendered and stored. */
    @Transactional
    public LetterRow sign(long id, CurrentUser user, boolean signed, String reason) {
        LetterRow letter = internal(id, user);
        Task task = tasks.require(letter.letterNo(), LetterStep.SIGN.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions().putValue(LetterProcess.SIGNED, signed), "reason", reason));
        return mapper.find(id).orElseThrow();
    }

    /** The agency signs for the letter (签收); the reply term starts today. */
    @Transactional
    public LetterRow receive(long id, CurrentUser user) {
        LetterRow letter = visible(id, user);
        tasks.complete(tasks.require(letter.letterNo(), LetterStep.RECEIVE.taskKey(), user), ProcessTasks.decisions());
        return mapper.find(id).orElseThrow();
    }

    @Transactional
    public void reply(long id, CurrentUser user, String text, List<MultipartFile> files) {
        LetterRow letter = visible(id, user);
        Task task = tasks.require(letter.letterNo(), LetterStep.REPLY.taskKey(), user);
        files.forEach(store::checkUpload);
        for (MultipartFile file : files) {
            store.storeUpload(RECORD, letter.letterNo(), DocType.ATTACHMENT, file);
        }
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "replyText", text));
    }

    @Transactional
    public void reviewReply(long id, CurrentUser user, boolean accepted, String reason) {
        LetterRow letter = internal(id, user);
        Task task = tasks.require(letter.letterNo(), LetterStep.REVIEW_REPLY.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions().putValue(LetterProcess.REPLY_ACCEPTED, accepted), "reason", reason));
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public LetterView view(long id, CurrentUser user) {
        LetterRow letter = visible(id, user);
        boolean agencyView = !isInternal(user);
        List<LetterDecision> decisions = mapper.decisions(id).stream().filter(d -> !agencyView || !d.internal()).toList();
        List<ProcessTasks.Step> steps = tasks.steps(letter.letterNo()).stream()
                .filter(step -> !agencyView || !step.taskKey().endsWith("Supervise")).toList();
        return new LetterView(letter, agencyName(letter.agencyCode()), escalations.flag(currentDue(letter)), steps,
                decisions, mapper.replies(id), escalations.of(RECORD, letter.letterNo(), agencyView),
                store.list(RECORD, letter.letterNo()));
    }

    @Transactional(readOnly = true)
    public Page<LetterView.Summary> list(CurrentUser user, String agencyCode, String status, String flag, int page, int size) {
        boolean agencyView = !isInternal(user);
        if (agencyView && !user.has(Role.AGENCY)) {
            return new Page<>(List.of(), 0, page, size);
        }
        LetterMapper.ListFilter filter = new LetterMapper.ListFilter(agencyView ? user.org().code() : agencyCode,
                status, flag, agencyView, LocalDateTime.now(clock), yellowBound());
        var flags = escalations.flags();
        List<LetterView.Summary> items = mapper.list(filter, Page.offset(page, size), size).stream()
                .map(row -> new LetterView.Summary(row.id(), row.letterNo(), row.docNo(), row.agencyCode(), row.title(),
                        row.status(), row.replyDue(), flags.apply(currentDue(row))))
                .toList();
        return new Page<>(items, mapper.count(filter), page, size);
    }

    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        LetterRow letter = visible(id, user);
        StoredDocument document = store.find(documentId)
                .filter(doc -> RECORD.equals(doc.recordType()) && letter.letterNo().equals(doc.recordNo()))
                .orElseThrow(() -> ApiException.notFound("DOCUMENT_NOT_FOUND", "文书不存在。"));
        return store.download(document);
    }

    @Transactional(readOnly = true)
    public List<LetterRow> ofCase(String caseNo) {
        return mapper.findByCase(caseNo);
    }

    @Transactional(readOnly = true)
    public Optional<LetterRow> byId(long id) {
        return mapper.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<LetterRow> byNo(String letterNo) {
        return mapper.findByNo(letterNo);
    }

    // ------------------------------------------------------------------ process hooks

    /** The letter a process instance works on: the one its business key numbers, never one a variable names. */
    LetterRow letterOf(DelegateExecution execution) {
        String letterNo = execution.getProcessBusinessKey();
        return mapper.findByNo(letterNo).orElseThrow(() -> new IllegalStateException("No letter " + letterNo));
    }

    long idOf(DelegateExecution execution) {
        return letterOf(execution).id();
    }

    /** Start of the letter's process: its agency as a variable (the candidate group of the agency's steps). */
    public void onStarted(DelegateExecution execution) {
        LetterRow letter = letterOf(execution);
        execution.setVariable(LetterProcess.AGENCY_CODE, letter.agencyCode());
        auditLog.record(RECORD, letter.letterNo(), "LETTER_PROCESS_STARTED", Map.of("agency", letter.agencyCode()));
    }

    /** Completion of any of the letter's user tasks: validates what the step needs and records it. */
    public void onTaskCompleted(DelegateTask task) {
        LetterRow letter = letterOf(task.getExecution());
        long id = letter.id();
        String actor = tasks.actorId();
        LocalDateTime now = now();
        switch (LetterStep.of(task.getTaskDefinitionKey())) {
            case DRAFT -> {
                boolean rectification = ProcessTasks.requiredDecision(task, LetterProcess.RECTIFICATION_REQUIRED, "是否需要整改");
                mapper.updateRectificationRequired(id, rectification);
                mapper.updateStatus(id, LetterStatus.LEGAL_REVIEW.name());
                auditLog.record(RECORD, letter.letterNo(), "DRAFT_SUBMITTED", Map.of("title", letter.title()));
            }
            case LEGAL_REVIEW -> {
                boolean passed = ProcessTasks.requiredDecision(task, LetterProcess.LEGAL_PASSED, "审核结论");
                String reason = passed ? ProcessTasks.optionalText(task, LetterProcess.REASON)
                        : ProcessTasks.requiredText(task, LetterProcess.REASON, "退回理由");
                mapper.insertDecision(id, "LEGAL_REVIEW", passed ? "PASSED" : "RETURNED", reason, true, actor, now);
                mapper.updateStatus(id, passed ? LetterStatus.SIGNING.name() : LetterStatus.DRAFTING.name());
                auditLog.record(RECORD, letter.letterNo(), passed ? "LEGAL_REVIEW_PASSED" : "LEGAL_REVIEW_RETURNED",
                        reasonOnly(reason));
            }
            case SIGN -> {
                boolean signed = ProcessTasks.requiredDecision(task, LetterProcess.SIGNED, "签发决定");
                String reason = signed ? ProcessTasks.optionalText(task, LetterProcess.REASON)
                        : ProcessTasks.requiredText(task, LetterProcess.REASON, "退回理由");
                mapper.insertDecision(id, "SIGNING", signed ? "SIGNED" : "RETURNED", reason, !signed, actor, now);
                if (signed) {
                    mapper.markSigned(id, actor, now);
                } else {
                    mapper.updateStatus(id, LetterStatus.DRAFTING.name());
                }
                auditLog.record(RECORD, letter.letterNo(), signed ? "LETTER_SIGNED" : "SIGNING_RETURNED", reasonOnly(reason));
            }
            case RECEIVE -> {
                Date due = deadlines.dueWithDays("letter.reply", Date.from(now.atZone(clock.getZone()).toInstant()),
                        letter.replyDays() == null ? 0 : letter.replyDays());
                task.getExecution().setVariable(LetterProcess.REPLY_DUE, due);
                mapper.markReceived(id, actor, now, local(due));
                auditLog.record(RECORD, letter.letterNo(), "LETTER_RECEIVED", Map.of("replyDue", local(due).toString()));
            }
            case REPLY -> {
                String text = ProcessTasks.requiredText(task, LetterProcess.REPLY_TEXT, "回复内容");
                boolean late = letter.replyDue() != null && now.isAfter(letter.replyDue());
                mapper.insertReply(id, text, actor, now, late);
                mapper.updateStatus(id, LetterStatus.REPLIED.name());
                auditLog.record(RECORD, letter.letterNo(), "REPLY_SUBMITTED", Map.of("late", late));
            }
            case REVIEW_REPLY -> {
                boolean accepted = ProcessTasks.requiredDecision(task, LetterProcess.REPLY_ACCEPTED, "审查结论");
                String reason = accepted ? ProcessTasks.optionalText(task, LetterProcess.REASON)
                        : ProcessTasks.requiredText(task, LetterProcess.REASON, "退回理由");
                mapper.insertDecision(id, "REPLY_REVIEW", accepted ? "ACCEPTED" : "RETURNED", reason, false, actor, now);
                if (accepted) {
                    mapper.updateStatus(id, letter.rectificationRequired() ? LetterStatus.RECTIFYING.name() : LetterStatus.REPLY_ACCEPTED.name());
                } else {
                    Date due = deadlines.due("letter.resubmit", Date.from(now.atZone(clock.getZone()).toInstant()));
                    task.getExecution().setVariable(LetterProcess.REPLY_DUE, due);
                    mapper.updateReplyDue(id, local(due), LetterStatus.RECEIVED.name());
                    notifications.notifyGroup(OrgUnit.groupIdOf(letter.agencyCode()), NotificationKind.RETURNED,
                            "建议书回复被退回：" + letter.docNo(), reason, RECORD, letter.letterNo());
                }
                auditLog.record(RECORD, letter.letterNo(), accepted ? "REPLY_ACCEPTED" : "REPLY_RETURNED", reasonOnly(reason));
            }
            default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
        }
    }

    /**
     * Service task after signing, in the signing's transaction: takes the document number, renders the
     * letter, stores it with its SHA-256 and serves it on the agency. Returns the issuing body's code.
     */
    public String issue(long id) {
        LetterRow letter = mapper.find(id).orElseThrow();
        OrgUnit issuer = issuers.ofUser(letter.signedBy());
        OrgUnit agency = agency(letter.agencyCode());
        LocalDate today = LocalDate.now(clock);
        String docNo = numbers.next(issuer, DocType.SUGGESTION_LETTER, today.getYear());
        byte[] docx = writer.write(new OfficialDocument(issuer.name(), docNo, letter.title(), agency.name(),
                paragraphs(letter), List.of(), issuer.name(), today));
        StoredDocument document = store.storeGenerated(RECORD, letter.letterNo(), DocType.SUGGESTION_LETTER, docNo,
                letter.title(), docx);
        mapper.markIssued(id, issuer.code(), docNo, document.id());
        // the new-task notice of Task_ReceiveLetter, in the letter's words (its number): see LetterStep.RECEIVE
        notifications.notifyGroup(agency.groupId(), NotificationKind.NEW_TASK, "收到监督建议书 " + docNo,
                letter.title() + "，请及时签收。", RECORD, letter.letterNo());
        auditLog.record(RECORD, letter.letterNo(), "LETTER_ISSUED", Map.of("docNo", docNo, "documentId", document.id(),
                "sha256", document.sha256()));
        return issuer.code();
    }

    public void close(long id) {
        LetterRow letter = mapper.find(id).orElseThrow();
        mapper.close(id, now());
        auditLog.record(RECORD, letter.letterNo(), "LETTER_CLOSED", Map.of("status", AuditLog.change(letter.status(), "CLOSED")));
    }

    // ------------------------------------------------------------------ helpers

    private String insert(String caseNo, String sourceType, String sourceRef, LetterContent content, String userId) {
        agency(content.agencyCode());
        int year = LocalDate.now(clock).getYear();
        LetterMapper.NewLetter row = new LetterMapper.NewLetter();
        row.letterNo = "JY-" + year + "-" + String.format("%06d", sequences.next("LETTER|" + year));
        row.caseNo = caseNo;
        row.sourceType = sourceType;
        row.sourceRef = sourceRef;
        row.agencyCode = content.agencyCode();
        row.title = content.title().strip();
        row.body = content.body().strip();
        row.replyDays = content.replyDays();
        row.rectificationRequired = content.rectificationRequired();
        row.status = LetterStatus.DRAFTING.name();
        row.createdBy = userId;
        row.createdAt = now();
        mapper.insert(row);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("agency", row.agencyCode);
        changes.put("title", row.title);
        changes.put("source", sourceType + (sourceRef == null ? "" : ":" + sourceRef));
        auditLog.record(RECORD, row.letterNo, "LETTER_CREATED", changes);
        return row.letterNo;
    }

    private List<String> paragraphs(LetterRow letter) {
        List<String> paragraphs = new java.util.ArrayList<>(Arrays.stream(letter.body().split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList());
        int days = letter.replyDays() != null ? letter.replyDays() : deadlines.policy("letter.reply").days();
        paragraphs.add("请你单位自收到本建议书之日起" + days + "日内，将办理情况书面回复我单位"
                + (letter.rectificationRequired() ? "，并按要求报送整改方案，落实整改。" : "。"));
        return paragraphs;
    }

    /** The letter if the user may see it; 404 otherwise (an agency sees only its own served letters). */
    LetterRow visible(long id, CurrentUser user) {
        LetterRow letter = mapper.find(id).orElse(null);
        if (letter == null || !mayView(letter, user)) {
            throw ApiException.notFound("LETTER_NOT_FOUND", "监督建议书不存在。");
        }
        return letter;
    }

    public static boolean mayView(LetterRow letter, CurrentUser user) {
        if (isInternal(user)) {
            return true;
        }
        return user.has(Role.AGENCY) && user.org().code().equals(letter.agencyCode()) && letter.docNo() != null;
    }

    private LetterRow internal(long id, CurrentUser user) {
        LetterRow letter = visible(id, user);
        if (!isInternal(user)) {
            throw ApiException.forbidden("FORBIDDEN", "此操作由监督机构办理。");
        }
        return letter;
    }

    public static boolean isInternal(CurrentUser user) {
        return user.roles().stream().anyMatch(Role::internal);
    }

    private static void requireAny(CurrentUser user, Role... roles) {
        if (!user.hasAny(roles)) {
            throw ApiException.forbidden("FORBIDDEN", "您没有执行此操作的权限。");
        }
    }

    private OrgUnit agency(String code) {
        return orgs.findByCode(code).filter(org -> org.kind() == OrgKind.AGENCY && org.enabled())
                .orElseThrow(() -> ApiException.badRequest("AGENCY_NOT_FOUND", "被监督单位 " + code + " 不存在。"));
    }

    private String agencyName(String code) {
        return orgs.findByCode(code).map(OrgUnit::name).orElse(code);
    }

    private LocalDateTime currentDue(LetterRow letter) {
        return LetterStatus.RECEIVED.name().equals(letter.status()) ? letter.replyDue() : null;
    }

    private LocalDateTime yellowBound() {
        return escalations.yellowBound();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.of(clock.getZone().getId()));
    }

    private static Map<String, Object> reasonOnly(String reason) {
        return reason == null ? Map.of() : Map.of("reason", reason);
    }
}
