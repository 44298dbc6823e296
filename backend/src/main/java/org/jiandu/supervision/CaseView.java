package org.jiandu.supervision;

import java.util.List;

import org.jiandu.document.StoredDocument;
import org.jiandu.workflow.ProcessTasks;

/**
 * A case in one place: the case, its current steps, decisions, investigation records, deliberation and letters.
 * An agency sees only the case itself and its served letters.
 */
public record CaseView(CaseRow supervisionCase, List<ProcessTasks.Step> steps, List<CaseDecision> decisions,
                       List<CaseRecord> records, List<Participant> participants, List<LetterLink> letters,
                       List<StoredDocument> documents) {

    /** A letter the case decided. */
    public record LetterLink(long id, String letterNo, String docNo, String agencyCode, String title, String status) {
    }
}
