package org.jiandu.letter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jiandu.audit.AuditLog;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.RecordOpened;
import org.jiandu.workflow.RecordOpening;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening a letter: its number, its row, its audit row and (unless a case's call activity starts it) its process. */
@Service
public class NewLetters {

    private final LetterMapper mapper;
    private final LetterAccess access;
    private final RecordOpening opening;
    private final AuditLog auditLog;

    NewLetters(LetterMapper mapper, LetterAccess access, RecordOpening opening, AuditLog auditLog) {
        this.mapper = mapper;
        this.access = access;
        this.opening = opening;
        this.auditLog = auditLog;
    }

    /** A letter started on its own (from a complaint's proposal or directly by a supervisor). */
    @Transactional
    public LetterRow create(CurrentUser user, LetterContent content, String sourceType, String sourceRef) {
        if (!user.hasAny(Role.SUPERVISOR, Role.LEAD)) {
            throw ApiException.forbidden("FORBIDDEN", "您没有执行此操作的权限。");
        }
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

    /** A letter decided by a case: written now, started by the case's call activity. */
    @Transactional
    public String createForCase(String caseNo, LetterContent content, String userId) {
        return insert(caseNo, "CASE", caseNo, content, userId);
    }

    private LetterRow start(String sourceType, String sourceRef, LetterContent content, String userId) {
        String letterNo = insert(null, sourceType, sourceRef, content, userId);
        opening.startProcess(LetterService.PROCESS, letterNo, Map.of());
        LetterRow letter = mapper.findByNo(letterNo).orElseThrow();
        opening.announce(sourceType, letter.sourceRef(), RecordOpened.SUGGESTION_LETTER, letter.id(), letterNo);
        return letter;
    }

    private String insert(String caseNo, String sourceType, String sourceRef, LetterContent content, String userId) {
        access.agency(content.agencyCode());
        LetterMapper.NewLetter row = new LetterMapper.NewLetter();
        row.letterNo = opening.nextNumber("JY", "LETTER");
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
        row.createdAt = opening.now();
        mapper.insert(row);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("agency", row.agencyCode);
        changes.put("title", row.title);
        changes.put("source", sourceType + (sourceRef == null ? "" : ":" + sourceRef));
        auditLog.record(LetterService.RECORD, row.letterNo, "LETTER_CREATED", changes);
        return row.letterNo;
    }
}
