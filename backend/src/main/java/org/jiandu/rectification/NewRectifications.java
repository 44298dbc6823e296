package org.jiandu.rectification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.audit.AuditLog;
import org.jiandu.letter.LetterRow;
import org.jiandu.letter.LetterService;
import org.jiandu.workflow.RecordOpening;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification record a letter's call activity starts, numbered and audited: the letter's diagram calls
 * {@code ${newRectifications.open(execution)}} (public, so that the expression language can).
 */
@Component("newRectifications")
public class NewRectifications {

    /** The letter process's variable naming the rectification it opened (its call activity's business key). */
    static final String RECTIFICATION_NO = "rectificationNo";

    private final RectificationMapper mapper;
    private final LetterService letters;
    private final RecordOpening opening;
    private final AuditLog auditLog;

    NewRectifications(RectificationMapper mapper, LetterService letters, RecordOpening opening, AuditLog auditLog) {
        this.mapper = mapper;
        this.letters = letters;
        this.opening = opening;
        this.auditLog = auditLog;
    }

    /** In the letter's process, once its reply is accepted: the rectification record, its number as a variable. */
    @Transactional
    public void open(DelegateExecution letterExecution) {
        letterExecution.setVariable(RECTIFICATION_NO, open(letterExecution.getProcessBusinessKey()));
    }

    /** A rectification record for the letter numbered {@code letterNo} (the letter process's business key). */
    String open(String letterNo) {
        LetterRow letter = letters.byNo(letterNo).orElseThrow(() -> new IllegalStateException("No letter " + letterNo));
        long letterId = letter.id();
        String no = opening.nextNumber("ZG", "RECTIFICATION");
        mapper.insert(no, letterId, letter.agencyCode(), opening.now());
        auditLog.record(RectificationService.RECORD, no, "RECTIFICATION_OPENED", Map.of("letterNo", letter.letterNo(),
                "agency", letter.agencyCode()));
        return no;
    }
}
