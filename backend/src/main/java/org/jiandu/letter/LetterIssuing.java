package org.jiandu.letter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.audit.AuditLog;
import org.jiandu.deadline.Deadlines;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentNumbers;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.OfficialDocument;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.OrgUnit;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The service task after signing ({@code ${letterIssuing.issue(execution)}}), in the signing's transaction: renders
 * the letter, takes the document number and writes it in, stores it with its SHA-256 and serves it on the agency
 * (public, so that the expression language can call it).
 */
@Component("letterIssuing")
public class LetterIssuing {

    private final LetterMapper mapper;
    private final LetterAccess access;
    private final Issuers issuers;
    private final LetterDocument document;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    LetterIssuing(LetterMapper mapper, LetterAccess access, Issuers issuers,
                  LetterDocument document, Notifications notifications, AuditLog auditLog, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.issuers = issuers;
        this.document = document;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Issues the letter of the process; the issuing body's code becomes a variable (the ladder's documents use it). */
    public void issue(DelegateExecution execution) {
        LetterRow letter = access.letterOf(execution);
        long id = letter.id();
        OrgUnit issuer = issuers.ofUser(letter.signedBy());
        OrgUnit agency = access.agency(letter.agencyCode());
        LocalDate today = LocalDate.now(clock);
        StoredDocument stored = document.store(letter, issuer, agency, today);
        String docNo = stored.docNo();
        mapper.markIssued(id, issuer.code(), docNo, stored.id());
        // the new-task notice of Task_ReceiveLetter, in the letter's words (its number): see LetterStep.RECEIVE
        notifications.notifyGroup(agency.groupId(), NotificationKind.NEW_TASK, "收到监督建议书 " + docNo,
                letter.title() + "，请及时签收。", LetterService.RECORD, letter.letterNo());
        auditLog.record(LetterService.RECORD, letter.letterNo(), "LETTER_ISSUED", Map.of("docNo", docNo,
                "documentId", stored.id(), "sha256", stored.sha256()));
        execution.setVariable(LetterProcess.ISSUER_CODE, issuer.code());
    }

    /**
     * The letter as a document (文书): rendered in the official layout, then numbered (the number's lock is held
     * from then to commit, not while rendering), and stored with its SHA-256.
     */
    @Component
    static class LetterDocument {

        private final DocumentNumbers numbers;
        private final DocumentStore store;
        private final Deadlines deadlines;

        LetterDocument(DocumentNumbers numbers, DocumentStore store, Deadlines deadlines) {
            this.numbers = numbers;
            this.store = store;
            this.deadlines = deadlines;
        }

        StoredDocument store(LetterRow letter, OrgUnit issuer, OrgUnit agency, LocalDate today) {
            List<String> paragraphs = paragraphs(letter);
            DocumentNumbers.Numbered numbered = numbers.render(issuer, DocType.SUGGESTION_LETTER, today.getYear(),
                    docNo -> new OfficialDocument(issuer.name(), docNo, letter.title(), agency.name(), paragraphs,
                            List.of(), issuer.name(), today));
            return store.storeGenerated(LetterService.RECORD, letter.letterNo(), DocType.SUGGESTION_LETTER,
                    numbered.docNo(), letter.title(), numbered.docx());
        }

        private List<String> paragraphs(LetterRow letter) {
            List<String> paragraphs = new ArrayList<>(Arrays.stream(letter.body().split("\\R"))
                    .map(String::strip).filter(line -> !line.isEmpty()).toList());
            int days = letter.replyDays() != null ? letter.replyDays() : deadlines.policy("letter.reply").days();
            paragraphs.add("请你单位自收到本建议书之日起" + days + "日内，将办理情况书面回复我单位"
                    + (letter.rectificationRequired() ? "，并按要求报送整改方案，落实整改。" : "。"));
            return paragraphs;
        }
    }
}
