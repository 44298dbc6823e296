package org.jiandu.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.audit.AuditLog;
import org.jiandu.clue.ClueProposal;
import org.jiandu.clue.ClueProposals;
import org.jiandu.clue.ClueSource;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead's 督办 decision: through the API (proposing a clue at once if asked), and recorded however it was completed
 * ({@code ${superviseDecisions.completed(task)}}; public, so that the expression language can call it).
 */
@Service("superviseDecisions")
public class SuperviseDecisions {

    /** A transient completion variable: the number of the clue the 督办 decision proposed through the API. */
    static final String PROPOSED_CLUE = "proposedClueNo";

    private final EscalationRows rows;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final ProcessTasks tasks;
    private final ClueProposals clues;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final EngineAccess engineAccess;

    SuperviseDecisions(EscalationRows rows, Notifications notifications, AuditLog auditLog, ProcessTasks tasks,
                       ClueProposals clues, RuntimeService runtimeService, RepositoryService repositoryService,
                       EngineAccess engineAccess) {
        this.rows = rows;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.tasks = tasks;
        this.clues = clues;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.engineAccess = engineAccess;
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
        String recordType = EscalationService.recordTypeOf(engineAccess.withoutAuthorizationChecks(() -> repositoryService
                .getProcessDefinition(process.getProcessDefinitionId()).getKey()));
        String recordNo = process.getBusinessKey();
        var variables = ProcessTasks.decisions().putValue("publicNotice", publicNotice).putValue("clueProposal", clueProposal);
        DecisionOutcome.ClueRef proposed = null;
        if (clue != null) {
            ClueSource source = "RECTIFICATION".equals(recordType) ? ClueSource.RECTIFICATION : ClueSource.LETTER;
            ClueProposals.Proposed clueProposed = clues.propose(new ClueProposal(clue.target(), clue.targetOrgCode(),
                    clue.categoryCode(), clue.facts(), clue.personsInvolved(), agencyCode,
                    new ClueProposal.ClueRef(source, recordNo), clue.evidenceLinks()), user);
            // transient: the clue's number never enters the letter's history, which its agency may read
            ProcessTasks.text(variables, PROPOSED_CLUE, clueProposed.clueNo());
            proposed = clues.visibleTo(clueProposed.id(), user)
                    ? new DecisionOutcome.ClueRef(clueProposed.id(), clueProposed.clueNo()) : null;
        }
        Set<Long> noticesBefore = rows.noticeIds(agencyCode, recordNo);
        tasks.complete(task, ProcessTasks.text(variables, "reason", reason));
        return new DecisionOutcome(recordType, recordNo, publicNotice,
                rows.noticesSince(agencyCode, recordNo, noticesBefore), clueProposal, proposed);
    }

    /**
     * What a 督办 decision produced: the public notices (通报) issued on the agency, by number, and the clue
     * transfer proposed with it (null when none was proposed in the decision, or the user may not know of it).
     */
    public record DecisionOutcome(String recordType, String recordNo, boolean publicNotice,
                                  List<String> publicNotices, boolean clueProposal, ClueRef clue) {

        /** The proposed clue: its id (for {@code /api/clues/{id}}) and number. */
        public record ClueRef(long id, String clueNo) {
        }
    }

    /** Completion of a 督办 task, however it was completed: validates and records the decision. */
    @Transactional
    public void completed(DelegateTask task) {
        LadderStop stop = LadderStop.of(task.getExecution());
        String recordType = stop.recordType();
        String recordNo = stop.recordNo();
        String agencyCode = stop.agencyCode();
        boolean publicNotice = ProcessTasks.requiredDecision(task, "publicNotice", "是否通报");
        boolean clueProposal = ProcessTasks.requiredDecision(task, "clueProposal", "是否建议移送问题线索");
        String reason = ProcessTasks.requiredText(task, "reason", "督办意见");
        rows.insert(recordType, recordNo, agencyCode, "SUPERVISION", task.getName(), null, null, publicNotice, clueProposal, reason,
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
}
