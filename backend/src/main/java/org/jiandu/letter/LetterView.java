package org.jiandu.letter;

import java.time.LocalDateTime;
import java.util.List;

import org.jiandu.document.StoredDocument;
import org.jiandu.escalation.Escalation;
import org.jiandu.escalation.Flag;
import org.jiandu.workflow.ProcessTasks;

/** A letter in one place: the letter, its current steps and flag, decisions, replies, escalations and documents. */
public record LetterView(LetterRow letter, String agencyName, Flag flag, List<ProcessTasks.Step> steps,
                         List<LetterDecision> decisions, List<LetterReply> replies, List<Escalation> escalations,
                         List<StoredDocument> documents) {

    /** A letter in a list. */
    public record Summary(long id, String letterNo, String docNo, String agencyCode, String title, String status,
                          LocalDateTime replyDue, Flag flag) {
    }
}
