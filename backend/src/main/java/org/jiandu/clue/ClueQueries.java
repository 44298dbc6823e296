package org.jiandu.clue;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a reader with need to know sees of clues: one clue, the list, the counts, those linked to a record, documents. */
@Service
public class ClueQueries {

    private final ClueMapper clues;
    private final TaskService taskService;
    private final EngineAccess engineAccess;
    private final DocumentStore documentStore;

    ClueQueries(ClueMapper clues, TaskService taskService, EngineAccess engineAccess, DocumentStore documentStore) {
        this.clues = clues;
        this.taskService = taskService;
        this.engineAccess = engineAccess;
        this.documentStore = documentStore;
    }

    @Transactional(readOnly = true)
    public ClueViews.ClueView view(long id, CurrentUser user) {
        Clue clue = visible(id, user);
        boolean receiverView = !ClueAccess.scopeOf(user).map(ClueMapper.Scope::all).orElse(false)
                && !ClueAccess.isHandlerOf(user, clue);
        List<ClueViews.OpenStep> openSteps = engineAccess.withoutAuthorizationChecks(() -> taskService.createTaskQuery()
                .processInstanceId(clue.processInstanceId()).orderByTaskCreateTime().asc().list()).stream()
                .map(task -> new ClueViews.OpenStep(task.getTaskDefinitionKey(), task.getName(), task.getDueDate()))
                .toList();
        return new ClueViews.ClueView(clue.id(), clue.clueNo(), clue.status(), clue.status().label(), clue.targetKind(),
                clue.targetKind().label(), new ClueViews.OrgRef(clue.targetOrgCode(), clue.targetOrgName()),
                new ClueViews.OrgRef(clue.issuerOrgCode(), clue.issuerOrgName()),
                new ClueViews.CategoryRef(clue.categoryCode(), clue.categoryName(), clue.collectiveRequired()),
                clue.facts(), clue.personsInvolved(),
                clue.agencyOrgCode() == null ? null : new ClueViews.OrgRef(clue.agencyOrgCode(), clue.agencyOrgName()),
                new ClueProposal.ClueRef(clue.sourceType(), clue.sourceNo()),
                clues.linksOf(id).stream().map(link -> new ClueProposal.ClueRef(link.recordType(), link.recordNo())).toList(),
                clue.handler(), clue.proposedAt(), clue.approvedBy(), clue.approvedAt(), clue.transferLetterNo(),
                clue.transferDue(), clue.acknowledgedBy(), clue.acknowledgedAt(), clue.outcomeDue(),
                clue.outcomeKind() == null ? null : new ClueViews.OutcomeView(clue.outcomeKind(),
                        clue.outcomeKind().label(), clue.outcomeText(), Boolean.TRUE.equals(clue.outcomeOnPaper()),
                        clue.outcomeRecordedBy(), clue.outcomeRecordedAt()),
                clue.closedAt(), openSteps, receiverView ? List.of() : clues.stepsOf(id),
                documentStore.list(ClueWorkflow.RECORD_TYPE, clue.clueNo()));
    }

    @Transactional(readOnly = true)
    public Page<ClueViews.ClueSummary> list(ClueStatus status, int page, int size, CurrentUser user) {
        ClueMapper.Scope scope = ClueAccess.requireScope(user);
        List<ClueViews.ClueSummary> items = clues.list(scope, status, Page.offset(page, size), size).stream()
                .map(ClueQueries::summary).toList();
        return new Page<>(items, clues.count(scope, status), page, size);
    }

    @Transactional(readOnly = true)
    public ClueViews.ClueCounts counts(CurrentUser user) {
        ClueMapper.Scope scope = ClueAccess.requireScope(user);
        Map<ClueStatus, Long> byStatus = new EnumMap<>(ClueStatus.class);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Map<ClueOutcome, Long> byOutcome = new EnumMap<>(ClueOutcome.class);
        long total = 0;
        for (ClueMapper.CountRow row : clues.counts(scope)) {
            total += row.n();
            byStatus.merge(row.status(), row.n(), Long::sum);
            byCategory.merge(row.categoryCode(), row.n(), Long::sum);
            if (row.outcomeKind() != null) {
                byOutcome.merge(row.outcomeKind(), row.n(), Long::sum);
            }
        }
        return new ClueViews.ClueCounts(total, byStatus, byCategory, byOutcome);
    }

    /**
     * The clues that come from or rest on a record (a complaint, case, letter, rectification or
     * escalation), as far as the viewer may see them: for embedding in that record's view. Empty for
     * agencies and everyone else without need to know.
     */
    @Transactional(readOnly = true)
    public List<ClueViews.ClueSummary> linkedClues(ClueSource sourceType, String sourceNo, CurrentUser viewer) {
        Optional<ClueMapper.Scope> scope = ClueAccess.scopeOf(viewer);
        if (scope.isEmpty() || sourceType == null || sourceNo == null || sourceNo.isBlank()) {
            return List.of();
        }
        return clues.findBySource(scope.get(), sourceType, sourceNo.strip()).stream().map(ClueQueries::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<StoredDocument> documents(long id, CurrentUser user) {
        Clue clue = visible(id, user);
        return documentStore.list(ClueWorkflow.RECORD_TYPE, clue.clueNo());
    }

    /** Downloads one of a clue's documents (and records who did). */
    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        return documentStore.download(ClueWorkflow.RECORD_TYPE, visible(id, user).clueNo(), documentId);
    }

    /** The clue if the user may know of it; 404 otherwise. */
    Clue visible(long id, CurrentUser user) {
        return ClueAccess.visible(clues, id, user);
    }

    private static ClueViews.ClueSummary summary(Clue clue) {
        return new ClueViews.ClueSummary(clue.id(), clue.clueNo(), clue.status(), clue.status().label(),
                clue.targetKind(), clue.targetOrgName(), clue.categoryName(), clue.agencyOrgName(), clue.sourceType(),
                clue.sourceNo(), clue.handler(), clue.proposedAt(), clue.approvedAt(), clue.transferLetterNo(),
                clue.transferDue(), clue.outcomeDue(), clue.outcomeKind(), clue.closedAt());
    }
}
