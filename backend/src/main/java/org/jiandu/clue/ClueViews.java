package org.jiandu.clue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.jiandu.document.StoredDocument;

/** What the clue API answers with. */
public final class ClueViews {

    private ClueViews() {
    }

    public record OrgRef(String code, String name) {
    }

    public record CategoryRef(String code, String name, boolean requiresCollective) {
    }

    public record OutcomeView(ClueOutcome kind, String label, String text, boolean onPaper, String recordedBy,
                              LocalDateTime recordedAt) {
    }

    /** An open step of the clue's process: which task, and when it is due. */
    public record OpenStep(String taskKey, String name, Date due) {
    }

    /** A clue in full, for those who may see it. Receiving bodies do not see the internal deliberations. */
    public record ClueView(long id, String clueNo, ClueStatus status, String statusLabel, ClueTarget target,
                           String targetLabel, OrgRef targetOrg, OrgRef issuer, CategoryRef category, String facts,
                           String personsInvolved, OrgRef agency, ClueProposal.ClueRef source,
                           List<ClueProposal.ClueRef> evidenceLinks, String handler, LocalDateTime proposedAt,
                           String approvedBy, LocalDateTime approvedAt, String transferLetterNo, LocalDate transferDue,
                           String acknowledgedBy, LocalDateTime acknowledgedAt, LocalDate outcomeDue,
                           OutcomeView outcome, LocalDateTime closedAt, List<OpenStep> openSteps,
                           List<ClueStepView> steps, List<StoredDocument> documents) {
    }

    /** A clue in a list, or embedded in the record it comes from. */
    public record ClueSummary(long id, String clueNo, ClueStatus status, String statusLabel, ClueTarget target,
                              String targetOrgName, String categoryName, String agencyName, ClueSource sourceType,
                              String sourceNo, String handler, LocalDateTime proposedAt, LocalDateTime approvedAt,
                              String transferLetterNo, LocalDate transferDue, LocalDate outcomeDue,
                              ClueOutcome outcomeKind, LocalDateTime closedAt) {
    }

    /** Counts over the clues the viewer may see (线索移送统计). */
    public record ClueCounts(long total, Map<ClueStatus, Long> byStatus, Map<String, Long> byCategory,
                             Map<ClueOutcome, Long> byOutcome) {
    }
}
