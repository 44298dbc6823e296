package org.jiandu.rectification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.jiandu.document.DocumentStore;
import org.jiandu.escalation.EscalationService;
import org.jiandu.identity.CurrentUser;
import org.jiandu.letter.LetterRow;
import org.jiandu.letter.LetterService;
import org.jiandu.web.Page;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a reader sees of rectifications: one with its steps, plan, entries, escalations and documents, the list, a document. */
@Service
class RectificationQueries {

    private final RectificationMapper mapper;
    private final LetterService letters;
    private final ProcessTasks tasks;
    private final EscalationService escalations;
    private final DocumentStore store;
    private final Clock clock;

    RectificationQueries(RectificationMapper mapper, LetterService letters, ProcessTasks tasks,
                         EscalationService escalations, DocumentStore store, Clock clock) {
        this.mapper = mapper;
        this.letters = letters;
        this.tasks = tasks;
        this.escalations = escalations;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RectificationView view(long id, CurrentUser user) {
        RectificationRow row = RectificationService.visible(mapper, id, user);
        boolean agencyView = !LetterService.isInternal(user);
        LetterRow letter = letters.byId(row.letterId()).orElseThrow();
        List<ProcessTasks.Step> steps = tasks.steps(row.rectificationNo()).stream()
                .filter(step -> !agencyView || !step.taskKey().endsWith("Supervise")).toList();
        return new RectificationView(row, letter.letterNo(), letter.docNo(),
                escalations.flag(row.createdAt(), row.currentDue()), steps,
                mapper.milestones(id), mapper.entries(id), escalations.of(RectificationService.RECORD, row.rectificationNo(), agencyView),
                store.list(RectificationService.RECORD, row.rectificationNo()));
    }

    @Transactional(readOnly = true)
    public Page<RectificationView.Summary> list(CurrentUser user, String agencyCode, Long letterId, String status,
                                                String flag, int page, int size) {
        if (user.seesNoAgencyRecords()) {
            return Page.empty(page, size);
        }
        RectificationMapper.ListFilter filter = new RectificationMapper.ListFilter(
                user.agencyScope(agencyCode), letterId, status, flag, LocalDateTime.now(clock),
                escalations.yellowBound(), escalations.yellowStartedBefore());
        var flags = escalations.flags();
        List<RectificationView.Summary> items = mapper.list(filter, Page.offset(page, size), size).stream()
                .map(row -> new RectificationView.Summary(row.id(), row.rectificationNo(), row.letterId(),
                        row.agencyCode(), row.status(), row.currentDue(),
                        flags.apply(row.createdAt(), row.currentDue())))
                .toList();
        return new Page<>(items, mapper.count(filter), page, size);
    }

    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        RectificationRow row = RectificationService.visible(mapper, id, user);
        return store.download(RectificationService.RECORD, row.rectificationNo(), documentId);
    }
}
