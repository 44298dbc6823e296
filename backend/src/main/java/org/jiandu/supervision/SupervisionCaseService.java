package org.jiandu.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.jiandu.clue.ClueProposal;
import org.jiandu.clue.ClueProposals;
import org.jiandu.clue.ClueSource;
import org.jiandu.identity.CurrentUser;
import org.jiandu.letter.LetterContent;
import org.jiandu.letter.NewLetters;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision cases: each user action writes the case's tables, moves its process and writes the audit row
 * in one transaction; what a step records is recorded by the step's completion listener ({@link CaseSteps}). This
 * class holds the lead's steps (filing, decision); opening is {@link NewCases}, the investigation
 * {@link CaseInvestigation}, the deliberation {@link CaseDeliberation}, reading {@link CaseQueries}.
 */
@Service
public class SupervisionCaseService {

    public static final String RECORD = "CASE";
    static final String PROCESS = "supervision-case";
    static final Set<String> SOURCES = Set.of("COMPLAINT", "CASE_REVIEW", "SPECIAL_INSPECTION", "ROUTINE_INSPECTION",
            "HOTLINE_12345", "REFERRAL");
    static final Set<String> RECORD_KINDS = Set.of("EVIDENCE", "INTERVIEW", "NOTE");

    private final CaseMapper mapper;
    private final CaseAccess access;
    private final NewLetters letters;
    private final ProcessTasks tasks;
    private final ClueProposals clues;
    private final CorrectiveDecisions correctiveDecisions;
    private final Clock clock;

    SupervisionCaseService(CaseMapper mapper, CaseAccess access, NewLetters letters, ProcessTasks tasks,
                           ClueProposals clues, CorrectiveDecisions correctiveDecisions, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.letters = letters;
        this.tasks = tasks;
        this.clues = clues;
        this.correctiveDecisions = correctiveDecisions;
        this.clock = clock;
    }

    @Transactional
    public void approveFiling(long id, CurrentUser user, boolean approved, String reason) {
        CaseRow row = access.internal(id, user);
        Task task = tasks.require(row.caseNo(), CaseStep.APPROVE_FILING.taskKey(), user);
        tasks.complete(task, ProcessTasks.decision(CaseProcess.FILING_APPROVED, approved, "reason", reason));
    }

    /**
     * Records the minutes and the decision. The decided letters are written now and run as called processes; a
     * decided clue transfer is proposed now (its legal review is the next step of its own process), with the case
     * as its source and the case's agency as the agency concerned. All in this one transaction.
     */
    @Transactional
    public void decide(long id, CurrentUser user, DecisionRequest decision) {
        CaseRow row = access.internal(id, user);
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
