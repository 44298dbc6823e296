package org.jiandu.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentNumbers;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.OfficialDocument;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ladder's numbered documents: the reminder notice (催办通知) with its grace term, and the public notice (通报);
 * the diagrams call them as {@code ${ladderDocuments...(execution)}} (public, so that the expression language can).
 */
@Service("ladderDocuments")
public class LadderDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final EscalationRows rows;
    private final EscalationMapper mapper;
    private final EscalationCalendar calendar;
    private final LadderDocument documents;
    private final LadderAlerts alerts;
    private final AuditLog auditLog;
    private final ProcessTasks tasks;
    private final Clock clock;

    LadderDocuments(EscalationRows rows, EscalationMapper mapper, EscalationCalendar calendar,
                    LadderDocument documents, LadderAlerts alerts, AuditLog auditLog, ProcessTasks tasks,
                    Clock clock) {
        this.rows = rows;
        this.mapper = mapper;
        this.calendar = calendar;
        this.documents = documents;
        this.alerts = alerts;
        this.auditLog = auditLog;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** At the deadline, from the diagram: the reminder notice of the step the process stands at. */
    @Transactional
    public void issueReminderNotice(DelegateExecution execution) {
        LadderStop stop = LadderStop.of(execution);
        issueReminderNotice(execution, stop.recordType(), stop.recordNo(), stop.agencyCode(), stop.issuerCode(),
                stop.taskName(), stop.due());
    }

    /** The 通报 the lead ordered, from the diagram. */
    @Transactional
    public void issuePublicNotice(DelegateExecution execution) {
        LadderStop stop = LadderStop.of(execution);
        issuePublicNotice(stop.recordType(), stop.recordNo(), stop.agencyCode(), stop.issuerCode(), stop.taskName());
    }

    /**
     * At the deadline: a numbered reminder notice to the agency granting the grace term, the step's overdue notice;
     * once per task (none when this timer fired before for it).
     */
    @Transactional
    public StoredDocument issueReminderNotice(DelegateExecution execution, String recordType, String recordNo,
                                              String agencyCode, String issuerCode, String taskName, Date due) {
        List<DelegateTask> overdue = alerts.claimOverdue(execution);
        if (overdue.isEmpty()) {
            return null;
        }
        OrgUnit agency = documents.org(agencyCode);
        Date graceEnd = calendar.graceEnd(due);
        String title = "关于督促办理" + taskName + "事项的催办通知";
        StoredDocument document = documents.issue(recordType, recordNo, issuerCode, DocType.REMINDER_NOTICE, title,
                agency.name(), List.of(
                "你单位应于" + day(due) + "前办理的" + recordNo + "号事项（" + taskName + "）已到期，至今未见办理结果。",
                "请于" + day(graceEnd) + "前办理完毕并将结果报送我单位。逾期仍未办理的，我单位将予以督办，并可视情予以通报。"));
        String docNo = document.docNo();
        rows.insert(recordType, recordNo, agencyCode, "REMINDER", taskName, docNo, document.id(), null, null, null, "system");
        alerts.reminderNoticeIssued(overdue, "催办通知 " + docNo, taskName + "已到期，请于" + day(graceEnd) + "前办理完毕。");
        auditLog.record(recordType, recordNo, "REMINDER_NOTICE_ISSUED", Map.of("docNo", docNo, "task", taskName,
                "graceEnd", day(graceEnd), "sha256", document.sha256()));
        return document;
    }

    /** A public notice (通报) on the agency, numbered and recorded on it. */
    @Transactional
    public StoredDocument issuePublicNotice(String recordType, String recordNo, String agencyCode, String issuerCode,
                                            String taskName) {
        OrgUnit agency = documents.org(agencyCode);
        String title = "关于" + agency.name() + "逾期未办理监督事项的通报";
        StoredDocument document = documents.issue(recordType, recordNo, issuerCode, DocType.PUBLIC_NOTICE, title,
                "各有关单位", List.of(
                agency.name() + "对" + recordNo + "号事项（" + taskName + "）经催办后在宽限期内仍未办理，现予通报。",
                "请" + agency.name() + "立即办理并报送结果，各单位引以为戒，严格按期办理监督事项。"));
        String docNo = document.docNo();
        mapper.insertPublicNotice(agencyCode, recordType, recordNo, docNo, document.id(), LocalDateTime.now(clock).withNano(0));
        rows.insert(recordType, recordNo, agencyCode, "PUBLIC_NOTICE", taskName, docNo, document.id(), true, null, null,
                tasks.actorId());
        alerts.publicNoticeIssued(agency.groupId(), "通报 " + docNo, title, recordType, recordNo);
        auditLog.record(recordType, recordNo, "PUBLIC_NOTICE_ISSUED", Map.of("docNo", docNo, "agency", agencyCode,
                "sha256", document.sha256()));
        return document;
    }

    private String day(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate().format(DAY);
    }

    /** A numbered document of the ladder: the issuer's next number, rendered in the official layout, stored. */
    @Component
    static class LadderDocument {

        private final DocumentNumbers numbers;
        private final DocumentStore store;
        private final OrgUnitMapper orgs;
        private final Clock clock;

        LadderDocument(DocumentNumbers numbers, DocumentStore store, OrgUnitMapper orgs,
                       Clock clock) {
            this.numbers = numbers;
            this.store = store;
            this.orgs = orgs;
            this.clock = clock;
        }

        StoredDocument issue(String recordType, String recordNo, String issuerCode, DocType type, String title,
                             String addressee, List<String> paragraphs) {
            OrgUnit issuer = org(issuerCode);
            LocalDate today = LocalDate.now(clock);
            DocumentNumbers.Numbered numbered = numbers.render(issuer, type, today.getYear(),
                    docNo -> new OfficialDocument(issuer.name(), docNo, title, addressee, paragraphs, List.of(),
                            issuer.name(), today));
            return store.storeGenerated(recordType, recordNo, type, numbered.docNo(), title, numbered.docx());
        }

        OrgUnit org(String code) {
            return orgs.findByCode(code).orElseThrow(() -> new IllegalStateException("Unknown organisation " + code));
        }
    }
}
