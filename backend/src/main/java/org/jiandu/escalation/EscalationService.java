package org.jiandu.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.clue.ClueProposal;
import org.jiandu.clue.ClueService;
import org.jiandu.clue.ClueSource;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentNumbers;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.OfficialDocument;
import org.jiandu.document.OfficialDocumentWriter;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.platform.EngineAccess;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ladder's actions: the yellow-flag warning, the reminder notice (催办通知, numbered) with its grace term,
 * the lead's 督办 decision, and the public notice (通报, numbered, recorded on the agency).
 */
@Service
public class EscalationService {

    /** A transient completion variable: the number of the clue the 督办 decision proposed through the API. */
    static final String PROPOSED_CLUE = "proposedClueNo";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final EscalationMapper mapper;
    private final EscalationCalendar calendar;
    private final DocumentNumbers numbers;
    private final OfficialDocumentWriter writer;
    private final DocumentStore store;
    private final OrgUnitMapper orgs;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final ProcessTasks tasks;
    private final ClueService clues;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final EngineAccess engineAccess;
    private final Clock clock;

    EscalationService(EscalationMapper mapper, EscalationCalendar calendar, DocumentNumbers numbers,
                      OfficialDocumentWriter writer, DocumentStore store, OrgUnitMapper orgs, Notifications notifications,
                      AuditLog auditLog, ProcessTasks tasks, ClueService clues, RuntimeService runtimeService,
                      RepositoryService repositoryService, EngineAccess engineAccess, Clock clock) {
        this.clues = clues;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.engineAccess = engineAccess;
        this.mapper = mapper;
        this.calendar = calendar;
        this.numbers = numbers;
        this.writer = writer;
        this.store = store;
        this.orgs = orgs;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The record type of a process's business key, for documents, audit and notifications. */
    public static String recordTypeOf(String processDefinitionKey) {
        return switch (processDefinitionKey) {
            case "supervision-letter" -> "LETTER";
            case "rectification-tracking" -> "RECTIFICATION";
            case "supervision-case" -> "CASE";
            default -> processDefinitionKey.toUpperCase();
        };
    }

    @Transactional
    public void warn(String recordType, String recordNo, String agencyCode, String taskName, Date due) {
        insert(recordType, recordNo, agencyCode, "WARNING", taskName, null, null, null, null, null, "system");
        notifications.notifyGroup(OrgUnit.groupIdOf(agencyCode), NotificationKind.REMINDER, "临期预警：" + taskName,
                recordNo + " 的“" + taskName + "”将于 " + day(due) + " 到期，请抓紧办理。", recordType, recordNo);
        auditLog.record(recordType, recordNo, "ESCALATION_WARNING", Map.of("task", taskName, "due", day(due)));
    }

    /** At the deadline: a numbered reminder notice to the agency granting the grace term. */
    @Transactional
    public StoredDocument issueReminderNotice(String recordType, String recordNo, String agencyCode, String issuerCode,
                                              String taskName, Date due) {
        OrgUnit issuer = org(issuerCode);
        OrgUnit agency = org(agencyCode);
        Date graceEnd = calendar.graceEnd(due);
        LocalDate today = LocalDate.now(clock);
        String docNo = numbers.next(issuer, DocType.REMINDER_NOTICE, today.getYear());
        String title = "关于督促办理" + taskName + "事项的催办通知";
        byte[] docx = writer.write(new OfficialDocument(issuer.name(), docNo, title, agency.name(), List.of(
                "你单位应于" + day(due) + "前办理的" + recordNo + "号事项（" + taskName + "）已到期，至今未见办理结果。",
                "请于" + day(graceEnd) + "前办理完毕并将结果报送我单位。逾期仍未办理的，我单位将予以督办，并可视情予以通报。"),
                List.of(), issuer.name(), today));
        StoredDocument document = store.storeGenerated(recordType, recordNo, DocType.REMINDER_NOTICE, docNo, title, docx);
        insert(recordType, recordNo, agencyCode, "REMINDER", taskName, docNo, document.id(), null, null, null, "system");
        notifications.notifyGroup(agency.groupId(), NotificationKind.URGE, "催办通知 " + docNo,
                taskName + "已到期，请于" + day(graceEnd) + "前办理完毕。", recordType, recordNo);
        auditLog.record(recordType, recordNo, "REMINDER_NOTICE_ISSUED", Map.of("docNo", docNo, "task", taskName,
                "graceEnd", day(graceEnd), "sha256", document.sha256()));
        return document;
    }

    /**
     * The lead's 督办 decision, through the API. With the clue's details ({@code clue}) a decided clue transfer is
     * proposed at once, in this transaction, with the late letter or rectification as its source and its agency as
     * the agency concerned; without them the supervisors are asked to propose it. Answers what the decision produced:
     * the public notices' numbers (通报) and the proposed clue, the clue only if the user may know of it.
     */
    @Transactional
    public DecisionOutcome decide(String taskId, CurrentUser user, boolean publicNotice, boolean clueProposal,
                                  String reason, ClueProposal clue) {
        if (!user.has(Role.LEAD)) {
            throw ApiException.forbidden("FORBIDDEN", "督办决定由科室负责人作出。");
        }
        Task task = tasks.requireById(taskId, user);
        if (!task.getTaskDefinitionKey().endsWith("Supervise")) {
            throw ApiException.notFound("TASK_NOT_FOUND", "该待办不是督办事项。");
        }
        if (clue != null && !clueProposal) {
            throw ApiException.badRequest("CLUE_NOT_DECIDED", "未决定移送问题线索时，不能填写线索内容。");
        }
        ProcessInstance process = engineAccess.withoutAuthorizationChecks(() -> runtimeService
                .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult());
        String agencyCode = (String) engineAccess.withoutAuthorizationChecks(() ->
                runtimeService.getVariable(process.getId(), "agencyCode"));
        String recordType = recordTypeOf(engineAccess.withoutAuthorizationChecks(() -> repositoryService
                .getProcessDefinition(process.getProcessDefinitionId()).getKey()));
        String recordNo = process.getBusinessKey();
        var variables = ProcessTasks.decisions().putValue("publicNotice", publicNotice).putValue("clueProposal", clueProposal);
        DecisionOutcome.ClueRef proposed = null;
        if (clue != null) {
            ClueSource source = "RECTIFICATION".equals(recordType) ? ClueSource.RECTIFICATION : ClueSource.LETTER;
            var view = clues.propose(new ClueProposal(clue.target(), clue.targetOrgCode(), clue.categoryCode(),
                    clue.facts(), clue.personsInvolved(), agencyCode,
                    new ClueProposal.ClueRef(source, recordNo), clue.evidenceLinks()), user);
            // transient: the clue's number never enters the letter's history, which its agency may read
            ProcessTasks.text(variables, PROPOSED_CLUE, view.clueNo());
            proposed = clues.visibleTo(view.id(), user) ? new DecisionOutcome.ClueRef(view.id(), view.clueNo()) : null;
        }
        Set<Long> noticesBefore = noticeIds(agencyCode, recordNo);
        tasks.complete(task, ProcessTasks.text(variables, "reason", reason));
        List<String> notices = agencyCode == null ? List.of() : mapper.publicNoticesOf(agencyCode).stream()
                .filter(notice -> recordNo.equals(notice.recordNo()) && !noticesBefore.contains(notice.id()))
                .map(PublicNotice::docNo).toList();
        return new DecisionOutcome(recordType, recordNo, publicNotice, notices, clueProposal, proposed);
    }

    private Set<Long> noticeIds(String agencyCode, String recordNo) {
        return agencyCode == null ? Set.of() : mapper.publicNoticesOf(agencyCode).stream()
                .filter(notice -> recordNo.equals(notice.recordNo())).map(PublicNotice::id).collect(Collectors.toSet());
    }

    /**
     * What a 督办 decision produced: the public notices (通报) issued on the agency, by number, and the clue
     * transfer proposed with it (null when none was proposed in the decision, or the user may not know of it).
     */
    public record DecisionOutcome(String recordType, String recordNo, boolean publicNotice, List<String> publicNotices,
                                  boolean clueProposal, ClueRef clue) {

        /** The proposed clue: its id (for {@code /api/clues/{id}}) and number. */
        public record ClueRef(long id, String clueNo) {
        }
    }

    /** Completion of a 督办 task, however it was completed: validates and records the decision. */
    @Transactional
    public void onSuperviseCompleted(DelegateTask task, String recordType, String recordNo, String agencyCode) {
        boolean publicNotice = ProcessTasks.requiredDecision(task, "publicNotice", "是否通报");
        boolean clueProposal = ProcessTasks.requiredDecision(task, "clueProposal", "是否建议移送问题线索");
        String reason = ProcessTasks.requiredText(task, "reason", "督办意见");
        insert(recordType, recordNo, agencyCode, "SUPERVISION", task.getName(), null, null, publicNotice, clueProposal, reason,
                tasks.actorId());
        if (clueProposal && task.getVariable(PROPOSED_CLUE) == null) {
            notifications.notifyGroup(Role.SUPERVISOR.groupId(), NotificationKind.INFO, "督办建议移送问题线索：" + recordNo,
                    "科室负责人在督办中建议移送问题线索，请按问题线索移送程序提出移送。", recordType, recordNo);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("publicNotice", publicNotice);
        changes.put("clueProposal", clueProposal);
        changes.put("reason", reason);
        auditLog.record(recordType, recordNo, "SUPERVISED", changes);
    }

    /** A public notice (通报) on the agency, numbered and recorded on it. */
    @Transactional
    public StoredDocument issuePublicNotice(String recordType, String recordNo, String agencyCode, String issuerCode,
                                            String taskName) {
        OrgUnit issuer = org(issuerCode);
        OrgUnit agency = org(agencyCode);
        LocalDate today = LocalDate.now(clock);
        String docNo = numbers.next(issuer, DocType.PUBLIC_NOTICE, today.getYear());
        String title = "关于" + agency.name() + "逾期未办理监督事项的通报";
        byte[] docx = writer.write(new OfficialDocument(issuer.name(), docNo, title, "各有关单位", List.of(
                agency.name() + "对" + recordNo + "号事项（" + taskName + "）经催办后在宽限期内仍未办理，现予通报。",
                "请" + agency.name() + "立即办理并报送结果，各单位引以为戒，严格按期办理监督事项。"),
                List.of(), issuer.name(), today));
        StoredDocument document = store.storeGenerated(recordType, recordNo, DocType.PUBLIC_NOTICE, docNo, title, docx);
        mapper.insertPublicNotice(agencyCode, recordType, recordNo, docNo, document.id(), LocalDateTime.now(clock).withNano(0));
        insert(recordType, recordNo, agencyCode, "PUBLIC_NOTICE", taskName, docNo, document.id(), true, null, null,
                tasks.actorId());
        notifications.notifyGroup(agency.groupId(), NotificationKind.INFO, "通报 " + docNo, title, recordType, recordNo);
        auditLog.record(recordType, recordNo, "PUBLIC_NOTICE_ISSUED", Map.of("docNo", docNo, "agency", agencyCode,
                "sha256", document.sha256()));
        return document;
    }

    /** A user task's reminder before its due date, to the people who work it. */
    @Transactional
    public void remindTask(String recordType, String recordNo, String group, String taskName) {
        notifications.notifyGroup(group, NotificationKind.REMINDER, "待办即将到期：" + taskName,
                recordNo + " 的“" + taskName + "”即将到期，请及时办理。", recordType, recordNo);
    }

    /** A user task past its due date: its people and the leads are told. */
    @Transactional
    public void taskOverdue(String recordType, String recordNo, String group, String taskName) {
        notifications.notifyGroup(group, NotificationKind.ESCALATION, "待办已超期：" + taskName,
                recordNo + " 的“" + taskName + "”已超过办理期限。", recordType, recordNo);
        notifications.notifyGroup(Role.LEAD.groupId(), NotificationKind.ESCALATION, "超期提醒：" + taskName,
                recordNo + " 的“" + taskName + "”已超过办理期限，请督促办理。", recordType, recordNo);
    }

    @Transactional(readOnly = true)
    public List<Escalation> of(String recordType, String recordNo, boolean agencyView) {
        List<Escalation> all = mapper.findByRecord(recordType, recordNo);
        return agencyView ? all.stream().map(Escalation::forAgency).toList() : all;
    }

    @Transactional(readOnly = true)
    public List<PublicNotice> publicNoticesOf(String agencyCode) {
        return mapper.publicNoticesOf(agencyCode);
    }

    /** The flag of a due date whose term started at {@code since}: see {@link EscalationCalendar#flags()}. */
    public Flag flag(LocalDateTime since, LocalDateTime due) {
        return calendar.flag(since, due);
    }

    /** Flags (term start, due date) for a whole list, computed with one look at the calendar. */
    public java.util.function.BiFunction<LocalDateTime, LocalDateTime, Flag> flags() {
        return calendar.flags();
    }

    /** Due dates up to this bound (and not past) carry a yellow flag, if their term started before today. */
    public LocalDateTime yellowBound() {
        return calendar.yellowBound();
    }

    /** Only a term that started before this instant (the start of today) can be yellow. */
    public LocalDateTime yellowStartedBefore() {
        return calendar.startedBefore();
    }

    private void insert(String recordType, String recordNo, String agencyCode, String stage, String taskName,
                        String docNo, Long documentId, Boolean publicNotice, Boolean clueProposal, String reason,
                        String actor) {
        EscalationMapper.EscalationRow row = new EscalationMapper.EscalationRow();
        row.recordType = recordType;
        row.recordNo = recordNo;
        row.agencyCode = agencyCode;
        row.stage = stage;
        row.taskName = taskName;
        row.docNo = docNo;
        row.documentId = documentId;
        row.publicNotice = publicNotice;
        row.clueProposal = clueProposal;
        row.reason = reason;
        row.actor = actor;
        row.occurredAt = LocalDateTime.now(clock).withNano(0);
        mapper.insert(row);
    }

    private OrgUnit org(String code) {
        return orgs.findByCode(code).orElseThrow(() -> new IllegalStateException("Unknown organisation " + code));
    }

    private String day(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate().format(DAY);
    }
}
