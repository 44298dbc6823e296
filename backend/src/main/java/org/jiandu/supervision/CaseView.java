package org.jiandu.supervision;

import java.util.List;

import org.jiandu.clue.ClueViews;
import org.jiandu.document.StoredDocument;
import org.jiandu.workflow.ProcessTasks;

/**
 * A case in one place: the case, its current steps, decisions, investigation records, deliberation and letters.
 * The clue transfers it decided are listed only to those with need to know (never to an agency).
 * An agency sees only the case itself, its served letters and the corrective decision served on it.
 */
public record CaseView(CaseRow supervisionCase, List<ProcessTasks.Step> steps, List<CaseDecision> decisions,
                       List<CaseRecord> records, List<Participant> participants, List<LetterLink> letters,
                       List<StoredDocument> documents, List<ClueViews.ClueSummary> clues) {

    /** A letter the case decided. */
    public record LetterLink(long id, String letterNo, String docNo, String agencyCode, String title, String status) {
    }
}
