package org.jiandu.rectification;

import java.time.LocalDateTime;
import java.util.List;

import org.jiandu.document.StoredDocument;
import org.jiandu.escalation.Escalation;
import org.jiandu.escalation.Flag;
import org.jiandu.workflow.ProcessTasks;

/** A rectification in one place: its letter, current steps and flag, milestones, history, escalations, documents. */
public record RectificationView(RectificationRow rectification, String letterNo, String letterDocNo, Flag flag,
                                List<ProcessTasks.Step> steps, List<Milestone> milestones,
                                List<RectificationEntry> entries, List<Escalation> escalations,
                                List<StoredDocument> documents) {

    /** A rectification in a list. */
    public record Summary(long id, String rectificationNo, long letterId, String agencyCode, String status,
                          LocalDateTime currentDue, Flag flag) {
    }
}
