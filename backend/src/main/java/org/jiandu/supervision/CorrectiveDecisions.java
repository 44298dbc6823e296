package org.jiandu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jiandu.document.DocType;
import org.jiandu.document.DocumentNumbers;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.OfficialDocument;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.letter.Issuers;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.jiandu.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corrective decision (行政执法监督纠正决定书) a case decides: numbered in the decision's transaction
 * ({@code 市司监纠〔2026〕1号}, gap-free per issuing body and year), rendered in the GB/T 9704 layout, stored
 * unchangeable on the case with its SHA-256, and served on the agency, which may read and download it.
 */
@Component
class CorrectiveDecisions {

    private final Issuers issuers;
    private final DocumentNumbers numbers;
    private final DocumentStore store;
    private final OrgUnitMapper orgs;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    CorrectiveDecisions(Issuers issuers, DocumentNumbers numbers, DocumentStore store,
                        OrgUnitMapper orgs, Notifications notifications, AuditLog auditLog, Clock clock) {
        this.issuers = issuers;
        this.numbers = numbers;
        this.store = store;
        this.orgs = orgs;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    StoredDocument issue(CaseRow row, String text, String decidedBy) {
        OrgUnit issuer = issuers.ofUser(decidedBy);
        OrgUnit agency = orgs.findByCode(row.agencyCode()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        String title = "行政执法监督纠正决定书";
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("本机关对" + row.title() + "（案件编号" + row.caseNo() + "）依法进行了调查核实，并经集体研究，决定如下：");
        Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).forEach(paragraphs::add);
        paragraphs.add("请你单位自收到本决定书之日起依法纠正，并将纠正情况书面报告本机关。");
        // rendered first, numbered last: the number's lock is held from here to commit
        DocumentNumbers.Numbered decision = numbers.render(issuer, DocType.CORRECTIVE_DECISION, today.getYear(),
                number -> new OfficialDocument(issuer.name(), number, title, agency.name(), paragraphs, List.of(),
                        issuer.name(), today));
        String docNo = decision.docNo();
        StoredDocument document = store.storeGenerated(SupervisionCaseService.RECORD, row.caseNo(),
                DocType.CORRECTIVE_DECISION, docNo, title, decision.docx());
        notifications.notifyGroup(agency.groupId(), NotificationKind.INFO, "收到纠正决定书 " + docNo,
                "请依法纠正并书面报告纠正情况。", SupervisionCaseService.RECORD, row.caseNo());
        auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), "CORRECTIVE_DECISION_ISSUED", Map.of("docNo", docNo,
                "documentId", document.id(), "sha256", document.sha256()));
        return document;
    }
}
