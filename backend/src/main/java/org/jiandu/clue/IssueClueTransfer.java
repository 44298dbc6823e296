package org.jiandu.clue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiandu.audit.AuditLog;
import org.jiandu.deadline.Deadlines;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentNumbers;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Service task {@code Task_IssueTransfer}: numbers and stores the transfer letter and materials list. */
@Component("issueClueTransfer")
class IssueClueTransfer implements JavaDelegate {

    private final ClueWorkflow workflow;
    private final ClueMapper clues;
    private final OrgUnitMapper orgs;
    private final ClueDocuments documents;
    private final DocumentNumbers numbers;
    private final Deadlines deadlines;
    private final AuditLog auditLog;
    private final Clock clock;

    IssueClueTransfer(ClueWorkflow workflow, ClueMapper clues, OrgUnitMapper orgs, ClueDocuments documents,
                      DocumentNumbers numbers, Deadlines deadlines, AuditLog auditLog, Clock clock) {
        this.workflow = workflow;
        this.clues = clues;
        this.orgs = orgs;
        this.documents = documents;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * On the lead's approval, in its transaction: the transfer letter's number (gap-free, given back if
     * anything fails), the letter and the list of transferred materials stored unchangeable, and the
     * transfer deadline.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void execute(DelegateExecution execution) {
        long clueId = workflow.idOf(execution);
        Clue clue = clues.find(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
        OrgUnit issuer = orgs.findById(clue.issuerOrgId()).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        String letterNo = numbers.next(issuer, DocType.TRANSFER_LETTER, now.getYear());
        LocalDate transferDue = deadlines.dueDate(ClueWorkflow.TRANSFER_POLICY, now.toLocalDate());
        clues.markApproved(clueId, workflow.actor(), now, letterNo, transferDue);
        documents.issue(clues.find(clueId).orElseThrow(), clues.linksOf(clueId));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("transferLetterNo", letterNo);
        changes.put("transferDue", transferDue);
        changes.put("target", clue.targetOrgCode());
        auditLog.record(ClueWorkflow.RECORD_TYPE, clue.clueNo(), "TRANSFER_ISSUED", changes);
    }
}
