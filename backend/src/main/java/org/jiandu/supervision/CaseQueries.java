package org.jiandu.supervision;

import java.util.List;

import org.jiandu.clue.ClueQueries;
import org.jiandu.clue.ClueSource;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.letter.LetterService;
import org.jiandu.web.Page;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a reader sees of cases: one case with its steps, records, letters, documents and clues, the list, a document. */
@Service
public class CaseQueries {

    private final CaseMapper mapper;
    private final CaseAccess access;
    private final LetterService letters;
    private final ProcessTasks tasks;
    private final DocumentStore store;
    private final ClueQueries clues;

    CaseQueries(CaseMapper mapper, CaseAccess access, LetterService letters, ProcessTasks tasks, DocumentStore store,
                ClueQueries clues) {
        this.mapper = mapper;
        this.access = access;
        this.letters = letters;
        this.tasks = tasks;
        this.store = store;
        this.clues = clues;
    }

    @Transactional(readOnly = true)
    public CaseView view(long id, CurrentUser user) {
        CaseRow row = access.visible(id, user);
        boolean agencyView = !LetterService.isInternal(user);
        List<CaseView.LetterLink> caseLetters = letters.ofCase(row.caseNo()).stream()
                .filter(letter -> LetterService.mayView(letter, user))
                .map(letter -> new CaseView.LetterLink(letter.id(), letter.letterNo(), letter.docNo(), letter.agencyCode(),
                        letter.title(), letter.status()))
                .toList();
        if (agencyView) {
            return new CaseView(row.forAgency(), List.of(), List.of(), List.of(), List.of(), caseLetters,
                    servedOnAgency(row), List.of());
        }
        return new CaseView(row, tasks.steps(row.caseNo()), mapper.decisions(id), mapper.records(id),
                mapper.participants(id), caseLetters, store.list(SupervisionCaseService.RECORD, row.caseNo()),
                clues.linkedClues(ClueSource.CASE, row.caseNo(), user));
    }

    @Transactional(readOnly = true)
    public Page<CaseRow> list(CurrentUser user, String agencyCode, String sourceType, String sourceRef, String status,
                              int page, int size) {
        if (user.seesNoAgencyRecords()) {
            return Page.empty(page, size);
        }
        boolean agencyView = !user.internal();
        String agency = user.agencyScope(agencyCode);
        List<CaseRow> rows = mapper.list(agency, sourceType, sourceRef, status, Page.offset(page, size), size);
        return new Page<>(agencyView ? rows.stream().map(CaseRow::forAgency).toList() : rows,
                mapper.count(agency, sourceType, sourceRef, status), page, size);
    }

    /** Downloads a case document: staff any, the agency concerned only what was served on it (纠正决定书). */
    @Transactional
    public ResponseEntity<byte[]> download(long id, long documentId, CurrentUser user) {
        CaseRow row = access.visible(id, user);
        boolean agencyView = !LetterService.isInternal(user);
        return store.download(SupervisionCaseService.RECORD, row.caseNo(), documentId,
                doc -> !agencyView || doc.docType() == DocType.CORRECTIVE_DECISION);
    }

    private List<StoredDocument> servedOnAgency(CaseRow row) {
        return store.list(SupervisionCaseService.RECORD, row.caseNo()).stream().filter(doc -> doc.docType() == DocType.CORRECTIVE_DECISION)
                .toList();
    }

}
