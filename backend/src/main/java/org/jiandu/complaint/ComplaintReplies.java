package org.jiandu.complaint;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.document.DocType;
import org.jiandu.document.DocumentNumbers;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.OfficialDocument;
import org.jiandu.document.OfficialDocumentWriter;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The written reply to a complainant (答复意见书): numbered by the issuing body, rendered as an official
 * document and stored unchangeable. The issuer is the first organisation up the replying supervisor's
 * tree that has a 机关代字 (the 司法局 for its 执法监督科), or the configured one.
 */
@Service
class ComplaintReplies {

    static final String TITLE = "投诉举报答复意见书";

    private final DocumentNumbers numbers;
    private final DocumentStore store;
    private final OrgUnitMapper orgs;
    private final Clock clock;
    private final String defaultIssuer;

    ComplaintReplies(DocumentNumbers numbers, DocumentStore store, OrgUnitMapper orgs,
                     Clock clock, @Value("${jiandu.complaint.reply-issuer:SFJ}") String defaultIssuer) {
        this.numbers = numbers;
        this.store = store;
        this.orgs = orgs;
        this.clock = clock;
        this.defaultIssuer = defaultIssuer;
    }

    /** The reply's number and stored document. */
    record Reply(String docNo, StoredDocument document) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Reply issue(Complaint complaint, String replyText, CurrentUser replier) {
        OrgUnit issuer = issuer(replier);
        LocalDate today = LocalDate.now(clock);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("您于" + OfficialDocumentWriter.chineseDate(complaint.registeredAt().toLocalDate())
                + "反映的执法问题（受理编号：" + complaint.trackingNo() + "）收悉。本机关依法进行了调查核实，现答复如下：");
        for (String line : replyText.split("\\R")) {
            if (!line.isBlank()) {
                paragraphs.add(line.strip());
            }
        }
        paragraphs.add("如对本答复意见有异议，可自收到之日起向本机关提出，或依法通过其他途径反映。");
        paragraphs.add("特此答复。");
        // rendered first, numbered last: the number's lock is held from here to commit
        DocumentNumbers.Numbered reply = numbers.render(issuer, DocType.COMPLAINT_REPLY, today.getYear(),
                docNo -> new OfficialDocument(issuer.name(), docNo, TITLE, complaint.complainantName(), paragraphs,
                        List.of(), issuer.name(), today));
        StoredDocument stored = store.storeGenerated(ComplaintProcess.RECORD_TYPE, complaint.trackingNo(),
                DocType.COMPLAINT_REPLY, reply.docNo(), TITLE, reply.docx());
        return new Reply(reply.docNo(), stored);
    }

    private OrgUnit issuer(CurrentUser replier) {
        if (replier != null) {
            String[] ids = replier.org().treePath().split("/");
            for (int i = ids.length - 1; i >= 0; i--) {
                if (ids[i].isBlank()) {
                    continue;
                }
                OrgUnit org = orgs.findById(Long.parseLong(ids[i])).orElse(null);
                if (org != null && org.docAbbr() != null && !org.docAbbr().isBlank()) {
                    return org;
                }
            }
        }
        return orgs.findByCode(defaultIssuer)
                .orElseThrow(() -> new IllegalStateException("Reply issuer " + defaultIssuer + " does not exist"));
    }
}
