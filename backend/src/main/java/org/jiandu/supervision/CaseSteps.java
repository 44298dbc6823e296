package org.jiandu.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiandu.audit.AuditLog;
import org.jiandu.letter.LetterRow;
import org.jiandu.letter.LetterService;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the case's process records as it moves, called by its diagram ({@code ${caseSteps...}}; public, so that the
 * expression language can call it): each step's completion (validated and recorded), the collections its
 * multi-instance steps run over (the deliberation's participants, the letters decided), and its end.
 */
@Component("caseSteps")
public class CaseSteps {

    private final CaseMapper mapper;
    private final CaseAccess access;
    private final LetterService letters;
    private final ProcessTasks tasks;
    private final AuditLog auditLog;
    private final Clock clock;

    CaseSteps(CaseMapper mapper, CaseAccess access, LetterService letters, ProcessTasks tasks, AuditLog auditLog,
              Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.letters = letters;
        this.tasks = tasks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Completion of any of the case's user tasks: validates what the step needs and records it. */
    public void completed(DelegateTask task) {
        CaseRow row = access.caseOf(task.getExecution());
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
                auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), approved ? "CASE_FILED" : "CASE_NOT_FILED",
                        reason == null ? Map.of() : Map.of("reason", reason));
            }
            case INVESTIGATE -> {
                if (mapper.participants(id).isEmpty()) {
                    throw ApiException.badRequest("PARTICIPANTS_REQUIRED", "请确定集体研究的参加人。");
                }
                mapper.status(id, CaseStatus.DELIBERATING.name());
                auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), "INVESTIGATION_FINISHED", Map.of("records", mapper.records(id).size()));
            }
            case DELIBERATE -> {
                String opinion = ProcessTasks.requiredText(task, CaseProcess.OPINION, "本人意见");
                mapper.opinion(id, task.getAssignee(), opinion, now);
                auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), "OPINION_GIVEN", Map.of("participant", String.valueOf(task.getAssignee())));
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
                auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), "CASE_DECIDED", Map.of("decision", summary));
            }
            default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
        }
    }

    /** Every letter and rectification of the case has closed: the case is closed. */
    public void closed(DelegateExecution execution) {
        close(execution, true);
    }

    /** The lead refused to file the case: it ends as not filed. */
    public void notFiled(DelegateExecution execution) {
        close(execution, false);
    }

    private void close(DelegateExecution execution, boolean filed) {
        CaseRow row = access.caseOf(execution);
        long id = row.id();
        mapper.close(id, filed ? CaseStatus.CLOSED.name() : CaseStatus.NOT_FILED.name(), now());
        auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), filed ? "CASE_CLOSED" : "CASE_NOT_FILED_CLOSED", Map.of("status",
                AuditLog.change(row.status(), filed ? CaseStatus.CLOSED.name() : CaseStatus.NOT_FILED.name())));
    }

    /** The user ids of the deliberation's participants (its multi-instance collection). */
    @Transactional(readOnly = true)
    public List<String> participants(DelegateExecution execution) {
        return mapper.participants(access.caseOf(execution).id()).stream().map(Participant::userId).toList();
    }

    /** The numbers of the letters the case decided (the collection of its letters' call activity). */
    @Transactional(readOnly = true)
    public List<String> letterNos(DelegateExecution execution) {
        return letters.ofCase(access.caseOf(execution).caseNo()).stream().map(LetterRow::letterNo).toList();
    }

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

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
