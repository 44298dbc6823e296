package org.jiandu.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.calendar.Workdays;
import org.jiandu.deadline.Deadlines;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.escalation.EscalationService;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;
import org.jiandu.letter.LetterRow;
import org.jiandu.letter.LetterService;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.sequence.Sequences;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.jiandu.web.Page;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Rectifications: the agency's plan, progress and completion reports and the supervisor's verification, each
 * one transaction over our tables, the process and the audit row. Like letters, what a step records is
 * recorded by the step's completion listener.
 */
@Service
public class RectificationService {

    public static final String RECORD = "RECTIFICATION";

    private final RectificationMapper mapper;
    private final LetterService letters;
    private final Sequences sequences;
    private final ProcessTasks tasks;
    private final DocumentStore store;
    private final Deadlines deadlines;
    private final Workdays workdays;
    private final EscalationService escalations;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    RectificationService(RectificationMapper mapper, LetterService letters, Sequences sequences, ProcessTasks tasks,
                         DocumentStore store, Deadlines deadlines, Workdays workdays, EscalationService escalations,
                         Notifications notifications, AuditLog auditLog, Clock clock) {
        this.mapper = mapper;
        this.letters = letters;
        this.sequences = sequences;
        this.tasks = tasks;
        this.store = store;
        this.deadlines = deadlines;
        this.workdays = workdays;
        this.escalations = escalations;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ user actions

    @Transactional
    public void submitPlan(long id, CurrentUser user, PlanRequest plan) {
        RectificationRow row = visible(id, user);
        Task task = tasks.require(row.rectificationNo(), RectificationStep.SUBMIT_PLAN.taskKey(), user);
        for (PlanRequest.MilestoneRequest milestone : plan.milestones()) {
            mapper.insertMilestone(id, milestone.title().strip(), milestone.dueDate());
        }
        var variables = ProcessTasks.decisions().putValue(RectificationProcess.REPORT_CYCLE_DAYS, plan.reportCycleDays());
        ProcessTasks.text(variables, RectificationProcess.PLAN_TEXT, plan.planText());
        ProcessTasks.text(variables, RectificationProcess.COMPLETION_DATE, plan.completionDate().toString());
        tasks.complete(task, variables);
    }

    @Transactional
    public void reportProgress(long id, CurrentUser user, String text) {
        RectificationRow row = visible(id, user);
        Task task = tasks.require(row.rectificationNo(), RectificationStep.REPORT_PROGRESS.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "progressText", text));
    }

    @Transactional
    public void submitCompletion(long id, CurrentUser user, String text, List<MultipartFile> evidence) {
        RectificationRow row = visible(id, user);
        Task task = tasks.require(row.rectificationNo(), RectificationStep.SUBMIT_COMPLETION.taskKey(), user);
        evidence.forEach(store::checkUpload);
        for (MultipartFile file : evidence) {
            store.storeUpload(RECORD, row.rectificationNo(), DocType.EVIDENCE, file);
        }
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "completionText", text));
    }

    @Transactional
    public void verify(long id, CurrentUser user, boolean passed, boolean onsiteCheck, String reason) {
        RectificationRow row = visible(id, user);
        if (!LetterService.isInternal(user)) {
            throw ApiException.forbidden("FORBIDDEN", "整改验收由监督机构办理。");
        }
        Task task = tasks.require(row.rectificationNo(), RectificationStep.VERIFY.taskKey(), user);
        var variables = ProcessTasks.decisions().putValue(RectificationProcess.VERIFICATION_PASSED, passed);
        variables.putValueTyped("onsiteCheck", org.camunda.bpm.engine.variable.Variables.booleanValue(onsiteCheck, true));
        tasks.complete(task, ProcessTasks.text(variables, RectificationProcess.REASON, reason));
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public RectificationView view(long id, CurrentUser user) {
        RectificationRow row = visible(id, user);
        boolean agencyView = !LetterService.isInternal(user);
        LetterRow letter = letters.byId(row.letterId()).orElseThrow();
        List<ProcessTasks.Step> steps = tasks.steps(row.rectificationNo()).stream()
                .filter(step -> !agencyView || !step.taskKey().endsWith("Supervise")).toList();
        return new RectificationView(row, letter.letterNo(), letter.docNo(), escalations.flag(row.currentDue()), steps,
                mapper.milestones(id), mapper.entries(id), escalations.of(RECORD, row.rectificationNo(), agencyView),
                store.list(RECORD, row.rectificationNo()));
    }

    @Transactional(readOnly = true)
    public Page<RectificationView.Summary> list(CurrentUser user, String agencyCode, Long letterId, String status,
                                                String flag, int page, int size) {
        boolean agencyView = !LetterService.isInternal(user);
        if (agencyView && !user.has(Role.AGENCY)) {
            return new Page<>(List.of(), 0, page, size);
        }
        RectificationMapper.ListFilter filter = new RectificationMapper.ListFilter(
                agencyView ? user.org().code() : agencyCode, letterId, status, flag, LocalDateTime.now(clock),
                escalations.yellowBound());
        var flags = escalations.flags();
        List<RectificationView.Summary> items = mapper.list(filter, Page.offset(page, size), size).stream()
                .map(row -> new RectificationView.Summary(row.id(), row.rectificationNo(), row.letterId(),
                        row.agencyCode(), row.status(), row.currentDue(), flags.apply(row.currentDue())))
                .toList();
        return new Page<>(items, mapper.count(filter), page, size);
    }

    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        RectificationRow row = visible(id, user);
        StoredDocument document = store.find(documentId)
                .filter(doc -> RECORD.equals(doc.recordType()) && row.rectificationNo().equals(doc.recordNo()))
                .orElseThrow(() -> ApiException.notFound("DOCUMENT_NOT_FOUND", "文书不存在。"));
        return store.download(document);
    }

    // ------------------------------------------------------------------ process hooks

    /** Service task of the letter: the rectification record its call activity starts. */
    /** A rectification record for the letter numbered {@code letterNo} (the letter process's business key). */
    public String open(String letterNo) {
        LetterRow letter = letters.byNo(letterNo).orElseThrow(() -> new IllegalStateException("No letter " + letterNo));
        long letterId = letter.id();
        int year = LocalDate.now(clock).getYear();
        String no = "ZG-" + year + "-" + String.format("%06d", sequences.next("RECTIFICATION|" + year));
        mapper.insert(no, letterId, letter.agencyCode(), now());
        auditLog.record(RECORD, no, "RECTIFICATION_OPENED", Map.of("letterNo", letter.letterNo(),
                "agency", letter.agencyCode()));
        return no;
    }

    public void onStarted(DelegateExecution execution) {
        RectificationRow row = rectificationOf(execution);
        Date planDue = (Date) execution.getVariable(RectificationProcess.PLAN_DUE);
        mapper.planDue(row.id(), local(planDue));
    }

    /** The rectification a process instance works on: the one its business key numbers, never one a variable names. */
    RectificationRow rectificationOf(DelegateExecution execution) {
        String no = execution.getProcessBusinessKey();
        return mapper.findByNo(no).orElseThrow(() -> new IllegalStateException("No rectification " + no));
    }

    public void onTaskCompleted(DelegateTask task) {
        RectificationRow row = rectificationOf(task.getExecution());
        long id = row.id();
        String actor = tasks.actorId();
        LocalDateTime now = now();
        boolean late = task.getDueDate() != null && now.isAfter(local(task.getDueDate()));
        switch (RectificationStep.of(task.getTaskDefinitionKey())) {
            case SUBMIT_PLAN -> {
                String planText = ProcessTasks.requiredText(task, RectificationProcess.PLAN_TEXT, "整改措施");
                Object cycle = task.getVariable(RectificationProcess.REPORT_CYCLE_DAYS);
                if (!(cycle instanceof Number days) || days.intValue() < 1 || days.intValue() > 60) {
                    throw ApiException.badRequest("INVALID_REPORT_CYCLE", "进展报告周期须为 1 至 60 个工作日。");
                }
                LocalDate completion = completionDate(ProcessTasks.requiredText(task, RectificationProcess.COMPLETION_DATE, "计划完成日期"));
                if (!completion.isAfter(LocalDate.now(clock))) {
                    throw ApiException.badRequest("COMPLETION_IN_PAST", "计划完成日期须晚于今天。");
                }
                Date completionDue = workdays.endOf(workdays.after(completion, 0));
                task.getExecution().setVariable(RectificationProcess.COMPLETION_DUE, completionDue);
                mapper.plan(id, planText, days.intValue(), local(completionDue), local(workdays.add(toDate(now), days.intValue())));
                mapper.insertEntry(id, "PLAN", planText, false, late, actor, now);
                auditLog.record(RECORD, row.rectificationNo(), "PLAN_SUBMITTED", Map.of("reportCycleDays", days.intValue(),
                        "completionDue", completion.toString(), "late", late));
            }
            case REPORT_PROGRESS -> {
                String text = ProcessTasks.requiredText(task, RectificationProcess.PROGRESS_TEXT, "进展情况");
                mapper.insertEntry(id, "PROGRESS", text, false, late, actor, now);
                mapper.nextReportDue(id, local(workdays.add(toDate(now), row.reportCycleDays())));
                auditLog.record(RECORD, row.rectificationNo(), "PROGRESS_REPORTED", Map.of("late", late));
            }
            case SUBMIT_COMPLETION -> {
                String text = ProcessTasks.requiredText(task, RectificationProcess.COMPLETION_TEXT, "完成情况");
                mapper.insertEntry(id, "COMPLETION", text, false, late, actor, now);
                mapper.status(id, RectificationStatus.VERIFYING.name());
                auditLog.record(RECORD, row.rectificationNo(), "COMPLETION_REPORTED", Map.of("late", late));
            }
            case VERIFY -> {
                boolean passed = ProcessTasks.requiredDecision(task, RectificationProcess.VERIFICATION_PASSED, "验收结论");
                String reason = ProcessTasks.requiredText(task, RectificationProcess.REASON, "验收意见");
                boolean onsite = Boolean.TRUE.equals(task.getVariable(RectificationProcess.ONSITE_CHECK));
                if (task.getVariable(RectificationProcess.ONSITE_CHECK) != null) {
                    task.removeVariable(RectificationProcess.ONSITE_CHECK);
                }
                mapper.insertEntry(id, passed ? "VERIFIED" : "VERIFICATION_FAILED", reason, onsite, false, actor, now);
                if (!passed) {
                    Date due = deadlines.due("rectification.redo", toDate(now));
                    task.getExecution().setVariable(RectificationProcess.COMPLETION_DUE, due);
                    mapper.reopen(id, local(due));
                    notifications.notifyGroup(OrgUnit.groupIdOf(row.agencyCode()), NotificationKind.RETURNED,
                            "整改验收未通过：" + row.rectificationNo(), reason, RECORD, row.rectificationNo());
                }
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("passed", passed);
                changes.put(RectificationProcess.ONSITE_CHECK, onsite);
                changes.put(RectificationProcess.REASON, reason);
                auditLog.record(RECORD, row.rectificationNo(), passed ? "VERIFICATION_PASSED" : "VERIFICATION_FAILED", changes);
            }
            default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
        }
    }

    /** A progress report fell due without arriving: recorded as missed, the agency and the supervisors told. */
    public void progressReportOverdue(long id) {
        RectificationRow row = mapper.find(id).orElseThrow();
        mapper.insertEntry(id, "PROGRESS_OVERDUE", null, false, true, "system", now());
        notifications.notifyGroup(OrgUnit.groupIdOf(row.agencyCode()), NotificationKind.URGE,
                "整改进展报告逾期：" + row.rectificationNo(), "本周期整改进展报告已逾期，请立即报送。", RECORD, row.rectificationNo());
        notifications.notifyGroup(Role.SUPERVISOR.groupId(), NotificationKind.ESCALATION,
                "整改进展报告逾期：" + row.rectificationNo(), row.agencyCode() + " 未按周期报送整改进展。", RECORD,
                row.rectificationNo());
        auditLog.record(RECORD, row.rectificationNo(), "PROGRESS_REPORT_OVERDUE", Map.of("due",
                String.valueOf(row.nextReportDue())));
    }

    public void close(long id) {
        RectificationRow row = mapper.find(id).orElseThrow();
        mapper.close(id, now());
        auditLog.record(RECORD, row.rectificationNo(), "RECTIFICATION_CLOSED", Map.of("status",
                AuditLog.change(row.status(), RectificationStatus.CLOSED.name())));
    }

    // ------------------------------------------------------------------ helpers

    private RectificationRow visible(long id, CurrentUser user) {
        RectificationRow row = mapper.find(id).orElse(null);
        if (row == null || !(LetterService.isInternal(user)
                || user.has(Role.AGENCY) && user.org().code().equals(row.agencyCode()))) {
            throw ApiException.notFound("RECTIFICATION_NOT_FOUND", "整改事项不存在。");
        }
        return row;
    }

    private static LocalDate completionDate(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE", "计划完成日期格式应为 yyyy-MM-dd。");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private Date toDate(LocalDateTime time) {
        return Date.from(time.atZone(clock.getZone()).toInstant());
    }

    private LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), clock.getZone());
    }
}
