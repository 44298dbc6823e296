package org.jiandu.complaint;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.letter.LetterContent;
import org.jiandu.letter.NewLetters;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.supervision.OpenCaseRequest;
import org.jiandu.supervision.NewCases;
import org.jiandu.audit.AuditLog;
import org.jiandu.workflow.RecordOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a lead's approval of a complaint's proposal sets going (立案监督, 监督建议书, 移送线索), and the link back
 * from the record it opened. With the agency complained about known, a case is opened (its filing approval comes
 * next) or a letter is started with a draft written from the complaint (the supervisor's draft step comes next);
 * a clue transfer needs facts only the handler can state, so the handler is asked to propose it. Whichever way
 * the record is opened, also later by hand with the complaint as its source, the proposal is linked to it.
 */
@Service
class ComplaintFollowUps {

    private final ComplaintMapper complaints;
    private final ComplaintSteps steps;
    private final NewCases cases;
    private final NewLetters letters;
    private final OrgUnitMapper orgs;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    ComplaintFollowUps(ComplaintMapper complaints, ComplaintSteps steps, NewCases cases,
                       NewLetters letters, OrgUnitMapper orgs, Notifications notifications, AuditLog auditLog,
                       Clock clock) {
        this.complaints = complaints;
        this.steps = steps;
        this.cases = cases;
        this.letters = letters;
        this.orgs = orgs;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The approved proposal is recorded and, where the complaint says enough, its record opened at once. */
    @Transactional(propagation = Propagation.MANDATORY)
    void approved(Complaint complaint, String proposal, String approvedBy) {
        steps.recordFollowUp(complaint, proposal);
        OrgUnit agency = complaint.agencyCode() == null ? null : orgs.findByCode(complaint.agencyCode())
                .filter(org -> org.kind() == OrgKind.AGENCY).orElse(null);
        switch (proposal) {
            case RecordOpened.SUPERVISION_CASE -> {
                if (agency != null) {
                    cases.open(approvedBy, new OpenCaseRequest("COMPLAINT", complaint.trackingNo(), agency.code(),
                            "投诉举报" + complaint.trackingNo() + "所涉" + agency.name() + "执法行为立案监督",
                            summary(complaint)));
                } else {
                    askHandler(complaint, "请立案监督：" + complaint.trackingNo(),
                            "投诉举报未指明被投诉单位，请确定被监督单位后立案（来源：投诉举报 " + complaint.trackingNo() + "）。");
                }
            }
            case RecordOpened.SUGGESTION_LETTER -> {
                if (agency != null) {
                    letters.createForComplaint(complaint.trackingNo(), new LetterContent(agency.code(),
                            "关于投诉举报" + complaint.trackingNo() + "所反映问题的监督建议", letterDraft(complaint, agency),
                            null, true), approvedBy);
                } else {
                    askHandler(complaint, "请制发监督建议书：" + complaint.trackingNo(),
                            "投诉举报未指明被投诉单位，请确定被监督单位后制发建议书（来源：投诉举报 " + complaint.trackingNo() + "）。");
                }
            }
            case RecordOpened.CLUE_TRANSFER -> askHandler(complaint, "请提出问题线索移送：" + complaint.trackingNo(),
                    "负责人已批准移送问题线索，请写明线索类别、事实和涉及人员，以投诉举报 " + complaint.trackingNo()
                            + " 为来源提出移送。");
            default -> throw new IllegalStateException("Not a follow-up proposal: " + proposal);
        }
    }

    /** A case, letter or clue opened from a complaint takes up the complaint's oldest open proposal of its kind. */
    @EventListener
    void opened(RecordOpened opened) {
        if (!ComplaintProcess.RECORD_TYPE.equals(opened.sourceType()) || opened.sourceNo() == null) {
            return;
        }
        complaints.findByTrackingNo(opened.sourceNo()).ifPresent(complaint -> {
            Long proposal = complaints.openProposal(complaint.id(), opened.followUp());
            if (proposal == null) {
                return;
            }
            complaints.linkProposal(proposal, opened.recordId(), opened.recordNo(), LocalDateTime.now(clock).withNano(0));
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("targetType", opened.followUp());
            // a clue's number is for those with need to know: the complaint's audit row names only its kind
            if (!RecordOpened.CLUE_TRANSFER.equals(opened.followUp())) {
                changes.put("targetRecordNo", opened.recordNo());
            }
            auditLog.record(ComplaintProcess.RECORD_TYPE, complaint.trackingNo(), "FOLLOW_UP_OPENED", changes);
        });
    }

    private void askHandler(Complaint complaint, String title, String body) {
        if (complaint.supervisorId() != null) {
            notifications.notifyUsers(List.of(complaint.supervisorId()), NotificationKind.INFO, title, body,
                    ComplaintProcess.RECORD_TYPE, complaint.trackingNo());
        } else {
            notifications.notifyGroup(Role.SUPERVISOR.groupId(), NotificationKind.INFO, title, body,
                    ComplaintProcess.RECORD_TYPE, complaint.trackingNo());
        }
    }

    private static String summary(Complaint complaint) {
        StringBuilder text = new StringBuilder("投诉举报反映：").append(complaint.facts().strip());
        if (complaint.findings() != null && !complaint.findings().isBlank()) {
            text.append("\n调查核实：").append(complaint.findings().strip());
        }
        return text.toString();
    }

    private static String letterDraft(Complaint complaint, OrgUnit agency) {
        StringBuilder text = new StringBuilder("本机关在办理投诉举报（编号")
                .append(complaint.trackingNo()).append("）中发现，").append(agency.name()).append("存在以下问题：");
        text.append(complaint.findings() != null && !complaint.findings().isBlank() ? complaint.findings().strip()
                : complaint.facts().strip());
        text.append("\n根据有关规定，建议你单位依法予以纠正，并将整改情况书面反馈本机关。");
        return text.toString();
    }
}
