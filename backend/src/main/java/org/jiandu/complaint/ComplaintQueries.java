package org.jiandu.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.clue.ClueQueries;
import org.jiandu.clue.ClueSource;
import org.jiandu.clue.ClueViews;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.jiandu.platform.EngineAccess;
import org.jiandu.platform.TaskLookup;
import org.jiandu.web.ApiException;
import org.jiandu.web.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads complaints for staff (list and detail, identity masked for roles that do not handle
 * complaints) and for the complainant (status and reply by tracking number and query code).
 * Agencies and other outside roles do not see complaints at all: 404, as if there were none.
 */
@Service
class ComplaintQueries {

    static final Map<String, String> SORTS = Map.of(
            "registeredAt", "c.registered_at",
            "trackingNo", "c.tracking_no",
            "status", "c.status",
            "currentDue", "current_due");

    private final ComplaintMapper complaints;
    private final OrgUnitMapper orgs;
    private final TaskService taskService;
    private final EngineAccess engineAccess;
    private final TaskLookup taskLookup;
    private final DocumentStore documents;
    private final ClueQueries clues;
    private final Clock clock;

    ComplaintQueries(ComplaintMapper complaints, OrgUnitMapper orgs, TaskService taskService, EngineAccess engineAccess,
                     TaskLookup taskLookup, DocumentStore documents, ClueQueries clues, Clock clock) {
        this.clues = clues;
        this.complaints = complaints;
        this.orgs = orgs;
        this.taskService = taskService;
        this.engineAccess = engineAccess;
        this.taskLookup = taskLookup;
        this.documents = documents;
        this.clock = clock;
    }

    /** Staff who may see complaints at all. */
    static boolean mayRead(CurrentUser user) {
        return user.hasAny(Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN);
    }

    /** Staff who handle complaints and therefore see who complained. */
    static boolean handles(CurrentUser user) {
        return user.hasAny(Role.CLERK, Role.SUPERVISOR, Role.LEAD);
    }

    /** The complaint if the user may see it; otherwise 404, the same answer as for a complaint that does not exist. */
    Complaint visible(long id, CurrentUser user) {
        return complaints.find(id).filter(complaint -> mayRead(user))
                .orElseThrow(() -> ApiException.notFound("COMPLAINT_NOT_FOUND", "投诉举报不存在。"));
    }

    @Transactional(readOnly = true)
    ComplaintViews.PublicStatus track(String trackingNo, String queryCode) {
        Complaint complaint = byQueryCode(trackingNo, queryCode);
        ComplaintViews.Reply reply = complaint.replyDocNo() == null ? null
                : new ComplaintViews.Reply(complaint.replyDocNo(), complaint.replyText(), complaint.repliedAt(),
                        "/api/public/complaints/" + complaint.trackingNo() + "/reply");
        return new ComplaintViews.PublicStatus(complaint.trackingNo(), complaint.status(), complaint.status().label(),
                complaint.statusNote(), complaint.registeredAt(), complaint.acceptedAt(), complaint.closedAt(), reply);
    }

    @Transactional(readOnly = true)
    StoredDocument publicReply(String trackingNo, String queryCode) {
        Complaint complaint = byQueryCode(trackingNo, queryCode);
        if (complaint.replyDocumentId() == null) {
            throw ApiException.notFound("REPLY_NOT_FOUND", "尚未作出书面答复。");
        }
        return documents.find(complaint.replyDocumentId()).orElseThrow();
    }

    private Complaint byQueryCode(String trackingNo, String queryCode) {
        Optional<Complaint> complaint = complaints.findByTrackingNo(trackingNo);
        byte[] given = DocumentStore.sha256(String.valueOf(queryCode).strip().toUpperCase()
                .getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        if (complaint.isEmpty() || queryCode == null
                || !MessageDigest.isEqual(complaint.get().queryCodeHash().getBytes(StandardCharsets.US_ASCII), given)) {
            throw ApiException.notFound("COMPLAINT_NOT_FOUND", "未找到该投诉举报：请核对受理编号和查询码。");
        }
        return complaint.get();
    }

    @Transactional(readOnly = true)
    Page<ComplaintViews.ListItem> list(ComplaintMapper.ComplaintFilter filter, String sort, int page, int size,
                                       CurrentUser user) {
        String orderBy = orderBy(sort);
        Date now = Date.from(clock.instant());
        boolean full = handles(user);
        List<ComplaintViews.ListItem> items = complaints.list(filter, now, orderBy, Page.offset(page, size), size).stream()
                .map(row -> new ComplaintViews.ListItem(row.id(), row.trackingNo(), row.source(), row.source().label(),
                        complainant(row.anonymous(), row.complainantName(), row.complainantPhone(), null, full),
                        row.agencyCode(), row.agencyName(), row.agencyText(), row.fieldCode(), row.fieldName(),
                        row.status(), row.status().label(), row.registeredAt(), row.closedAt(), offset(row.currentDue()),
                        row.currentDue() != null && row.currentDue().before(now)))
                .toList();
        return new Page<>(items, complaints.count(filter, now), page, size);
    }

    @Transactional(readOnly = true)
    ComplaintViews.Detail detail(long id, CurrentUser user) {
        Complaint c = visible(id, user);
        boolean full = handles(user);
        Date now = Date.from(clock.instant());
        String agencyName = c.agencyCode() == null ? null : orgs.findByCode(c.agencyCode()).map(OrgUnit::name).orElse(null);
        String fieldName = complaints.field(c.fieldCode()).map(ComplaintMapper.Field::name).orElse(c.fieldCode());
        List<ComplaintViews.CurrentStep> steps = currentSteps(c, now);
        List<ComplaintViews.Decision> decisions = complaints.decisions(c.id()).stream()
                .map(d -> new ComplaintViews.Decision(d.step(), stepLabel(d.step()), d.decision(), d.reason(), d.actor(),
                        d.actorName(), d.actorRole(), d.decidedAt()))
                .toList();
        List<ComplaintProposal> proposals = complaints.proposals(c.id());
        // a transfer's clue is named only to those with need to know; the others see that one was approved
        Set<String> knownClues = proposals.stream().anyMatch(p -> "CLUE_TRANSFER".equals(p.targetType()))
                ? clues.linkedClues(ClueSource.COMPLAINT, c.trackingNo(), user).stream()
                        .map(ClueViews.ClueSummary::clueNo).collect(Collectors.toSet())
                : Set.of();
        List<ComplaintViews.FollowUp> followUps = proposals.stream()
                .map(p -> !"CLUE_TRANSFER".equals(p.targetType()) || knownClues.contains(p.targetRecordNo())
                        ? new ComplaintViews.FollowUp(p.targetType(), p.targetId(), p.targetRecordNo(), p.createdBy(),
                                p.createdAt(), p.linkedAt())
                        : new ComplaintViews.FollowUp(p.targetType(), null, null, p.createdBy(), p.createdAt(), null))
                .toList();
        List<ComplaintViews.Escalation> escalations = complaints.escalations(c.id()).stream()
                .map(e -> new ComplaintViews.Escalation(e.taskKey(), e.taskName(), e.assignee(), e.dueAt(), e.escalatedAt()))
                .toList();
        List<StoredDocument> stored = documents.list(ComplaintProcess.RECORD_TYPE, c.trackingNo());
        List<ComplaintViews.Document> evidence = stored.stream().filter(d -> d.docType() == DocType.EVIDENCE)
                .map(ComplaintQueries::document).toList();
        List<ComplaintViews.Document> official = stored.stream().filter(d -> d.docType() != DocType.EVIDENCE)
                .map(ComplaintQueries::document).toList();
        return new ComplaintViews.Detail(c.id(), c.trackingNo(), c.source(), c.source().label(), c.hotlineOrderNo(),
                c.referralNo(), complainant(c.anonymous(), c.complainantName(), c.complainantPhone(),
                        c.complainantAddress(), full),
                c.agencyCode(), agencyName, c.agencyText(), c.fieldCode(), fieldName, c.occurredOn(), c.occurredPlace(),
                c.facts(), c.demands(), c.status(), c.status().label(), c.statusNote(), c.handedOverTo(),
                c.supervisorId(), c.investigationDue(), c.extended(), c.findings(), c.proposal(), c.replyDocNo(),
                c.repliedAt(), full ? c.replyText() : null, c.satisfaction(), c.reopenCount(), c.registeredBy(),
                c.registeredAt(), c.acceptedAt(), c.closedAt(), steps, decisions, followUps, escalations, official,
                evidence);
    }

    /**
     * A document of the complaint for download. Replies and evidence can name the complainant, so only
     * the staff who handle complaints download them; other staff see their description in the detail.
     */
    @Transactional(readOnly = true)
    StoredDocument document(long complaintId, long documentId, CurrentUser user) {
        Complaint complaint = visible(complaintId, user);
        return documents.ofRecord(ComplaintProcess.RECORD_TYPE, complaint.trackingNo(), documentId, doc -> handles(user));
    }

    private List<ComplaintViews.CurrentStep> currentSteps(Complaint complaint, Date now) {
        if (complaint.processInstanceId() == null) {
            return List.of();
        }
        // the user may see the complaint (checked above); the steps are shown whoever holds them
        return engineAccess.withoutAuthorizationChecks(() -> {
            List<Task> tasks = taskLookup.ofProcessInstance(complaint.processInstanceId());
            return tasks.stream().map(task -> new ComplaintViews.CurrentStep(task.getId(), task.getTaskDefinitionKey(),
                    task.getName(), task.getAssignee(),
                    taskService.getIdentityLinksForTask(task.getId()).stream()
                            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                            .map(IdentityLink::getGroupId).toList(),
                    offset(task.getDueDate()), task.getDueDate() != null && task.getDueDate().before(now))).toList();
        });
    }

    private static ComplaintViews.Complainant complainant(boolean anonymous, String name, String phone, String address,
                                                          boolean full) {
        if (anonymous) {
            return new ComplaintViews.Complainant(true, null, null, null, false);
        }
        if (full) {
            return new ComplaintViews.Complainant(false, name, phone, address, false);
        }
        return new ComplaintViews.Complainant(false, Masking.name(name), Masking.phone(phone), Masking.address(address),
                true);
    }

    private static ComplaintViews.Document document(StoredDocument d) {
        return new ComplaintViews.Document(d.id(), d.docType().name(), d.docNo(), d.title(), d.fileName(),
                d.contentType(), d.sizeBytes(), d.sha256(), d.version(), d.createdBy(), d.createdAt());
    }

    private static String stepLabel(String step) {
        try {
            return ComplaintTaskStep.valueOf(step).label();
        } catch (IllegalArgumentException e) {
            return step;
        }
    }

    private OffsetDateTime offset(Date date) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), clock.getZone());
    }

    static String orderBy(String sort) {
        String value = sort == null || sort.isBlank() ? "registeredAt,desc" : sort;
        String[] parts = value.split(",");
        String column = SORTS.get(parts[0].strip());
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase() : "asc";
        if (column == null || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ApiException.badRequest("SORT_INVALID", "排序参数应为 字段,方向，字段可选 " + String.join("、", SORTS.keySet())
                    + "，方向 asc 或 desc。");
        }
        return column + " " + direction.toUpperCase();
    }

    static ComplaintMapper.ComplaintFilter filter(ComplaintStatus status, ComplaintSource source, String agencyCode,
                                                  String fieldCode, Boolean overdue, LocalDate from, LocalDate to,
                                                  String text) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("DATE_RANGE_INVALID", "日期范围应从早到晚。");
        }
        return new ComplaintMapper.ComplaintFilter(status, source, ComplaintRegistration.blankToNull(agencyCode),
                ComplaintRegistration.blankToNull(fieldCode), overdue, from == null ? null : from.atStartOfDay(),
                to == null ? null : to.plusDays(1).atStartOfDay(), ComplaintRegistration.blankToNull(text));
    }
}
