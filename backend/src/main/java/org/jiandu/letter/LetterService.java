package org.jiandu.letter;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.identity.CurrentUser;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Suggestion letters: each user action writes the letter's tables, moves its process and writes the audit
 * row in one transaction. What is recorded at a step (decisions, reasons, replies) is recorded by the step's
 * completion listener ({@link LetterSteps}); opening a letter is {@link NewLetters}, reading it {@link LetterQueries},
 * issuing it {@link LetterIssuing}.
 */
@Service
public class LetterService {

    public static final String RECORD = "LETTER";
    static final String PROCESS = "supervision-letter";

    private final LetterMapper mapper;
    private final LetterAccess access;
    private final ProcessTasks tasks;
    private final DocumentStore store;

    LetterService(LetterMapper mapper, LetterAccess access, ProcessTasks tasks, DocumentStore store) {
        this.mapper = mapper;
        this.access = access;
        this.tasks = tasks;
        this.store = store;
    }

    // ------------------------------------------------------------------ user actions

    @Transactional
    public void submitDraft(long id, CurrentUser user, LetterContent content) {
        LetterRow letter = access.internal(id, user);
        Task task = tasks.require(letter.letterNo(), LetterStep.DRAFT.taskKey(), user);
        access.agency(content.agencyCode());
        if (!letter.agencyCode().equals(content.agencyCode())) {
            throw ApiException.badRequest("AGENCY_FIXED", "建议书的被监督单位在立项时已确定，不能更改。");
        }
        mapper.updateDraft(id, content.title(), content.body(), content.replyDays(), content.rectificationRequired());
        tasks.complete(task, ProcessTasks.decisions().putValue(LetterProcess.RECTIFICATION_REQUIRED, content.rectificationRequired()));
    }

    @Transactional
    public void legalReview(long id, CurrentUser user, boolean passed, String reason) {
        LetterRow letter = access.internal(id, user);
        complete(letter, LetterStep.LEGAL_REVIEW, user, ProcessTasks.decision(LetterProcess.LEGAL_PASSED, passed, "reason", reason));
    }

    /** The lead signs (签发): in this transaction the number is taken and the document rendered and stored. */
    @Transactional
    public LetterRow sign(long id, CurrentUser user, boolean signed, String reason) {
        LetterRow letter = access.internal(id, user);
        complete(letter, LetterStep.SIGN, user, ProcessTasks.decision(LetterProcess.SIGNED, signed, "reason", reason));
        return mapper.find(id).orElseThrow();
    }

    /** The agency signs for the letter (签收); the reply term starts today. */
    @Transactional
    public LetterRow receive(long id, CurrentUser user) {
        LetterRow letter = access.visible(id, user);
        complete(letter, LetterStep.RECEIVE, user, ProcessTasks.decisions());
        return mapper.find(id).orElseThrow();
    }

    @Transactional
    public void reply(long id, CurrentUser user, String text, List<MultipartFile> files) {
        LetterRow letter = access.visible(id, user);
        Task task = tasks.require(letter.letterNo(), LetterStep.REPLY.taskKey(), user);
        store.storeUploads(RECORD, letter.letterNo(), DocType.ATTACHMENT, files);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "replyText", text));
    }

    @Transactional
    public void reviewReply(long id, CurrentUser user, boolean accepted, String reason) {
        LetterRow letter = access.internal(id, user);
        complete(letter, LetterStep.REVIEW_REPLY, user,
                ProcessTasks.decision(LetterProcess.REPLY_ACCEPTED, accepted, "reason", reason));
    }

    // ------------------------------------------------------------------ records, for other features

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

    /** Completes the letter's open task of this step, which the user must be able to work. */
    private void complete(LetterRow letter, LetterStep step, CurrentUser user, VariableMap variables) {
        tasks.complete(tasks.require(letter.letterNo(), step.taskKey(), user), variables);
    }

    public static boolean mayView(LetterRow letter, CurrentUser user) {
        return user.internal() || user.seesRecordsOf(letter.agencyCode()) && letter.docNo() != null;
    }

    public static boolean isInternal(CurrentUser user) {
        return user.internal();
    }
}
