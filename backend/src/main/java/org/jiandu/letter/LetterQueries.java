package org.jiandu.letter;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.jiandu.document.DocumentStore;
import org.jiandu.escalation.EscalationService;
import org.jiandu.identity.CurrentUser;
import org.jiandu.web.Page;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a reader sees of letters: one letter with its steps, decisions, replies and documents, and the list. */
@Service
class LetterQueries {

    private final LetterMapper mapper;
    private final LetterAccess access;
    private final ProcessTasks tasks;
    private final EscalationService escalations;
    private final DocumentStore store;
    private final Clock clock;

    LetterQueries(LetterMapper mapper, LetterAccess access, ProcessTasks tasks, EscalationService escalations,
                  DocumentStore store, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.tasks = tasks;
        this.escalations = escalations;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LetterView view(long id, CurrentUser user) {
        LetterRow letter = access.visible(id, user);
        boolean agencyView = !LetterService.isInternal(user);
        List<LetterDecision> decisions = mapper.decisions(id).stream().filter(d -> !agencyView || !d.internal()).toList();
        List<ProcessTasks.Step> steps = tasks.steps(letter.letterNo()).stream()
                .filter(step -> !agencyView || !step.taskKey().endsWith("Supervise")).toList();
        return new LetterView(letter, access.agencyName(letter.agencyCode()),
                escalations.flag(letter.receivedAt(), currentDue(letter)), steps,
                decisions, mapper.replies(id), escalations.of(LetterService.RECORD, letter.letterNo(), agencyView),
                store.list(LetterService.RECORD, letter.letterNo()));
    }

    @Transactional(readOnly = true)
    public Page<LetterView.Summary> list(CurrentUser user, String agencyCode, String status, String flag, int page, int size) {
        if (user.seesNoAgencyRecords()) {
            return Page.empty(page, size);
        }
        boolean agencyView = !user.internal();
        LetterMapper.ListFilter filter = new LetterMapper.ListFilter(user.agencyScope(agencyCode),
                status, flag, agencyView, LocalDateTime.now(clock), escalations.yellowBound(),
                escalations.yellowStartedBefore());
        var flags = escalations.flags();
        List<LetterView.Summary> items = mapper.list(filter, Page.offset(page, size), size).stream()
                .map(row -> new LetterView.Summary(row.id(), row.letterNo(), row.docNo(), row.agencyCode(), row.title(),
                        row.status(), row.replyDue(), flags.apply(row.receivedAt(), currentDue(row))))
                .toList();
        return new Page<>(items, mapper.count(filter), page, size);
    }

    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        return store.download(LetterService.RECORD, access.visible(id, user).letterNo(), documentId);
    }

    private static LocalDateTime currentDue(LetterRow letter) {
        return LetterStatus.RECEIVED.name().equals(letter.status()) ? letter.replyDue() : null;
    }
}
