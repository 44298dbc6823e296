package org.jiandu.trace;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.Role;

/**
 * Who reads a trace, and what of it they are shown: an allow-list per audience, not a list of what to hide.
 *
 * <ul>
 *   <li>{@link Kind#AUDITOR}: every entry of the records in their jurisdiction, clues included; of the process
 *   variables only the decisions listed in {@link #AUDITOR_VARIABLES}.</li>
 *   <li>{@link Kind#STAFF} (clerk, supervisor, lead, legal reviewer): every entry except process variables, and of
 *   clues only those they need to know (leads and legal reviewers all of them, others the clues they took part
 *   in by the clue's records).</li>
 *   <li>{@link Kind#AGENCY}: only what was addressed to the agency or done by it, on its own letters,
 *   rectifications and cases: its tasks, the audit actions of {@link #AGENCY_ACTIONS} under our labels, the
 *   documents served on it and its own uploads.</li>
 *   <li>{@link Kind#RECEIVING_BODY} (纪委监委, public security, procuratorate): the same for the clues transferred
 *   to it: its tasks, {@link #RECEIVING_ACTIONS}, the transfer letter and materials list, its own uploads.</li>
 * </ul>
 */
record TraceAudience(Kind kind, CurrentUser user) {

    /** The audiences of a trace. */
    enum Kind { AUDITOR, STAFF, AGENCY, RECEIVING_BODY }

    /** The process variables an auditor sees: the decisions gateways read, and the agency a record is about. */
    static final Set<String> AUDITOR_VARIABLES = Set.of(
            "agencyCode", "targetOrgCode",
            // complaints
            "acceptanceDecision", "acceptanceApproved", "investigationAction", "proposal", "extensionDays",
            "extensionApproved", "proposalApproved", "satisfaction", "anonymous", "reopenCount",
            // cases, letters, rectifications, 督办
            "filingApproved", "rectificationRequired", "legalPassed", "signed", "replyAccepted", "verificationPassed",
            "onsiteCheck", "reportCycleDays", "publicNotice", "clueProposal",
            // clues
            "legalReviewPassed", "collectiveRequired", "collectiveAgreed", "leadApproved", "resubmit", "outcomeKind");

    /** What an agency is shown of its own records' audit rows, under our labels. */
    static final Map<String, String> AGENCY_ACTIONS = Map.ofEntries(
            Map.entry("LETTER_ISSUED", "监督建议书签发送达"),
            Map.entry("LETTER_RECEIVED", "签收监督建议书"),
            Map.entry("REPLY_SUBMITTED", "提交书面回复"),
            Map.entry("REPLY_ACCEPTED", "书面回复经审查予以认可"),
            Map.entry("REPLY_RETURNED", "书面回复被退回"),
            Map.entry("LETTER_CLOSED", "监督建议书办结"),
            Map.entry("RECTIFICATION_OPENED", "启动整改跟踪"),
            Map.entry("PLAN_SUBMITTED", "报送整改方案"),
            Map.entry("PROGRESS_REPORTED", "报告整改进展"),
            Map.entry("PROGRESS_REPORT_OVERDUE", "整改进展报告逾期"),
            Map.entry("COMPLETION_REPORTED", "报送整改完成报告"),
            Map.entry("VERIFICATION_PASSED", "整改验收通过"),
            Map.entry("VERIFICATION_FAILED", "整改验收未通过"),
            Map.entry("RECTIFICATION_CLOSED", "整改跟踪办结"),
            Map.entry("ESCALATION_WARNING", "临期预警"),
            Map.entry("REMINDER_NOTICE_ISSUED", "催办通知"),
            Map.entry("PUBLIC_NOTICE_ISSUED", "通报"),
            Map.entry("CORRECTIVE_DECISION_ISSUED", "纠正决定书送达"));

    /** What a receiving body is shown of the audit rows of a clue transferred to it, under our labels. */
    static final Map<String, String> RECEIVING_ACTIONS = Map.of(
            "TRANSFER_ISSUED", "问题线索移送函发出",
            "RECEIPT_ACKNOWLEDGED", "签收问题线索",
            "OUTCOME_RECORDED", "反馈处理结果");

    /** The detail an agency or receiving body is shown of an audit row: only these fields, e.g. a document number. */
    static final Set<String> ADDRESSED_DETAILS = Set.of("docNo", "transferLetterNo", "replyDue", "graceEnd", "due");

    /** Documents served on an agency (besides its own uploads). */
    static final Set<String> AGENCY_DOCUMENTS = Set.of("SUGGESTION_LETTER", "OPINION_LETTER", "CORRECTIVE_DECISION",
            "REMINDER_NOTICE", "PUBLIC_NOTICE");

    /** Documents sent to a receiving body with a clue (besides its own uploads). */
    static final Set<String> RECEIVING_DOCUMENTS = Set.of("TRANSFER_LETTER", "TRANSFER_MATERIALS");

    static final Set<OrgKind> RECEIVING_KINDS = Set.of(OrgKind.COMMISSION, OrgKind.PUBLIC_SECURITY,
            OrgKind.PROCURATORATE);

    /** The audience of a user, if they read traces at all (admins do not). */
    static Optional<TraceAudience> of(CurrentUser user) {
        if (user.has(Role.AGENCY)) {
            return Optional.of(new TraceAudience(Kind.AGENCY, user));
        }
        if (user.has(Role.AUDITOR)) {
            return Optional.of(new TraceAudience(Kind.AUDITOR, user));
        }
        if (user.hasAny(Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER)) {
            return Optional.of(new TraceAudience(Kind.STAFF, user));
        }
        if (user.has(Role.DISCIPLINE) || RECEIVING_KINDS.contains(user.org().kind())) {
            return Optional.of(new TraceAudience(Kind.RECEIVING_BODY, user));
        }
        return Optional.empty();
    }

    /** Staff and auditors of the supervision body. */
    boolean supervisionBody() {
        return kind == Kind.AUDITOR || kind == Kind.STAFF;
    }

    /** Those shown only what was addressed to them. */
    boolean addressee() {
        return kind == Kind.AGENCY || kind == Kind.RECEIVING_BODY;
    }

    /** Whether every clue is shown, need to know being given by the role (leads, legal reviewers, auditors). */
    boolean seesAllClues() {
        return kind == Kind.AUDITOR || (kind == Kind.STAFF && user.hasAny(Role.LEAD, Role.LEGAL_REVIEWER));
    }

    boolean seesVariable(String name) {
        return kind == Kind.AUDITOR && AUDITOR_VARIABLES.contains(name);
    }

    /** Our label of an audit action shown to an addressee, or null if it is not shown to them. */
    String addressedLabel(String recordType, String action) {
        return switch (kind) {
            case AGENCY -> "CLUE".equals(recordType) ? null : AGENCY_ACTIONS.get(action);
            case RECEIVING_BODY -> "CLUE".equals(recordType) ? RECEIVING_ACTIONS.get(action) : null;
            default -> null;
        };
    }

    boolean seesAddressedDocument(String docType) {
        return switch (kind) {
            case AGENCY -> AGENCY_DOCUMENTS.contains(docType);
            case RECEIVING_BODY -> RECEIVING_DOCUMENTS.contains(docType);
            default -> false;
        };
    }
}
