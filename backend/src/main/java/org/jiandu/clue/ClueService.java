package org.jiandu.clue;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The steps of a clue (问题线索移送) worked through our API: review, revise, decide, sign for, record the outcome,
 * add files, each checked against need to know first. Every action is one transaction: the clue's rows, the engine
 * step (and on approval the numbered documents) and the audit row; the clue's new state is read afterwards, by the
 * controller, unless the client asked for none ({@code Prefer: return=minimal}). Proposing is {@link ClueProposals},
 * reading {@link ClueQueries}.
 */
@Service
public class ClueService {

    static final String PROCESS_KEY = "clue-transfer";

    private final TaskService taskService;
    private final EngineAccess engineAccess;
    private final DocumentStore documentStore;
    private final ProcessTasks tasks;
    private final ClueQueries queries;

    ClueService(TaskService taskService, EngineAccess engineAccess, DocumentStore documentStore, ProcessTasks tasks,
                ClueQueries queries) {
        this.taskService = taskService;
        this.engineAccess = engineAccess;
        this.documentStore = documentStore;
        this.tasks = tasks;
        this.queries = queries;
    }

    @Transactional
    public void legalReview(long id, boolean passed, String opinion, CurrentUser user) {
        Clue clue = queries.visible(id, user);
        requireRole(user, Role.LEGAL_REVIEWER, "只有法制审核员可以进行法制审核。");
        complete(clue, ClueStep.LEGAL_REVIEW,
                ProcessTasks.decision(ClueProcess.LEGAL_REVIEW_PASSED, passed, "legalOpinion", opinion), user);
    }

    @Transactional
    public void revision(long id, boolean resubmit, String note, CurrentUser user) {
        Clue clue = queries.visible(id, user);
        if (!ClueAccess.isHandlerOf(user, clue)) {
            throw ApiException.forbidden("FORBIDDEN", "只有承办人可以重新提交或撤回移送建议。");
        }
        complete(clue, ClueStep.REVISE_PROPOSAL,
                ProcessTasks.decision(ClueProcess.RESUBMIT, resubmit, "revisionNote", note), user);
    }

    @Transactional
    public void collectiveDecision(long id, boolean agreed, String minutes, CurrentUser user) {
        Clue clue = queries.visible(id, user);
        requireRole(user, Role.LEAD, "只有科室负责人可以登记集体研究决定。");
        complete(clue, ClueStep.COLLECTIVE_DECISION,
                ProcessTasks.decision(ClueProcess.COLLECTIVE_AGREED, agreed, "meetingMinutes", minutes), user);
    }

    /** The lead's decision; approval numbers and stores the transfer letter and materials list in this transaction. */
    @Transactional
    public void approval(long id, boolean approved, String opinion, CurrentUser user) {
        Clue clue = queries.visible(id, user);
        requireRole(user, Role.LEAD, "只有科室负责人可以审批移送。");
        complete(clue, ClueStep.LEAD_APPROVAL,
                ProcessTasks.decision(ClueProcess.LEAD_APPROVED, approved, "leadOpinion", opinion), user);
    }

    /** The receiving body signs for the transfer (签收). */
    @Transactional
    public void acknowledge(long id, String note, CurrentUser user) {
        Clue clue = queries.visible(id, user);
        if (!ClueAccess.isReceiverOf(user, clue)) {
            throw ApiException.forbidden("FORBIDDEN", "只有受移送机关可以签收。");
        }
        complete(clue, ClueStep.ACKNOWLEDGE_RECEIPT,
                ProcessTasks.text(ProcessTasks.decisions(), "receiptNote", note), user);
    }

    /**
     * The outcome (处理结果): by the receiving body after it signed for the clue, or by the handler from a
     * paper reply once the receiving body is overdue.
     */
    @Transactional
    public void recordOutcome(long id, ClueOutcome kind, String text, CurrentUser user) {
        Clue clue = queries.visible(id, user);
        ClueStep step;
        if (ClueAccess.isReceiverOf(user, clue)) {
            step = ClueStep.RECORD_OUTCOME;
        } else if (ClueAccess.isHandlerOf(user, clue)) {
            step = ClueStep.RECORD_PAPER_OUTCOME;
        } else {
            throw ApiException.forbidden("FORBIDDEN", "只有受移送机关或承办人可以登记处理结果。");
        }
        complete(clue, step, ProcessTasks.text(ProcessTasks.text(ProcessTasks.decisions(), "outcomeKind", kind.name()),
                "outcomeText", text), user);
    }

    /**
     * Files of a clue: evidence (证据材料) the handler adds before approval, or outcome files (附件) the
     * receiving body adds after signing for it (or the handler, from a paper reply).
     */
    @Transactional
    public StoredDocument upload(long id, FileKind kind, MultipartFile file, CurrentUser user) {
        Clue clue = queries.visible(id, user);
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

    /** Completes the clue's open task of this step with what the caller decided. */
    private void complete(Clue clue, ClueStep step, VariableMap variables, CurrentUser user) {
        Task task = engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceId(clue.processInstanceId()).taskDefinitionKey(step.taskKey()).singleResult());
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
}
