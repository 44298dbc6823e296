package org.jiandu.clue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.deadline.Deadlines;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.OfficialDocument;
import org.jiandu.document.OfficialDocumentWriter;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.AppUser;
import org.jiandu.identity.AppUserMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The transfer letter (问题线索移送函) and the list of transferred materials (移送材料清单) of a clue. */
@Component
class ClueDocuments {

    private final DocumentStore store;
    private final OfficialDocumentWriter writer;
    private final AppUserMapper users;
    private final Deadlines deadlines;
    private final Clock clock;

    ClueDocuments(DocumentStore store, OfficialDocumentWriter writer, AppUserMapper users, Deadlines deadlines,
                  Clock clock) {
        this.store = store;
        this.writer = writer;
        this.users = users;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Writes and stores both documents of an approved clue (its letter number is already taken). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<StoredDocument> issue(Clue clue, List<ClueMapper.ClueLink> links) {
        LocalDate today = LocalDate.now(clock);
        List<StoredDocument> evidence = store.list(ClueWorkflow.RECORD_TYPE, clue.clueNo()).stream()
                .filter(document -> document.docType() == DocType.EVIDENCE).toList();
        String letterTitle = "关于移送" + (clue.agencyOrgName() != null ? clue.agencyOrgName() + "有关人员" : "有关人员")
                + "问题线索的函";
        OfficialDocument letter = new OfficialDocument(clue.issuerOrgName(), clue.transferLetterNo(), letterTitle,
                clue.targetOrgName() + "：", letterParagraphs(clue), List.of("移送材料清单"), clue.issuerOrgName(), today);
        StoredDocument storedLetter = store.storeGenerated(ClueWorkflow.RECORD_TYPE, clue.clueNo(),
                DocType.TRANSFER_LETTER, clue.transferLetterNo(), letterTitle, writer.write(letter));

        OfficialDocument materials = new OfficialDocument(clue.issuerOrgName(), null, "移送材料清单",
                clue.targetOrgName() + "：", materialParagraphs(clue, evidence, links), List.of(), clue.issuerOrgName(),
                today);
        StoredDocument storedMaterials = store.storeGenerated(ClueWorkflow.RECORD_TYPE, clue.clueNo(),
                DocType.TRANSFER_MATERIALS, null, "移送材料清单（" + clue.transferLetterNo() + "）",
                writer.write(materials));
        return List.of(storedLetter, storedMaterials);
    }

    private List<String> letterParagraphs(Clue clue) {
        ClueTarget target = clue.targetKind();
        int outcomeDays = deadlines.policy(ClueWorkflow.OUTCOME_POLICY).days();
        List<String> paragraphs = new ArrayList<>();
        String concerned = clue.agencyOrgName() != null ? clue.agencyOrgName() : "有关行政执法单位";
        if (target.criminal()) {
            paragraphs.add("我局在行政执法监督工作中发现，" + concerned + "有关人员存在“" + clue.categoryName()
                    + "”情形，相关行为可能涉嫌犯罪。根据行政执法与刑事司法衔接的有关规定，现将该问题线索移送你单位，请依法审查处理，"
                    + "并将处理结果书面反馈我局。");
        } else {
            paragraphs.add("我局在行政执法监督工作中发现，" + concerned + "有关人员涉嫌存在“" + clue.categoryName()
                    + "”情形。根据司法行政机关与纪检监察机关移送行政执法问题线索协作工作的有关规定，现将该问题线索移送你单位，"
                    + "请依规依纪依法处理，并于收到之日起" + outcomeDays + "日内将处理结果书面反馈我局。");
        }
        paragraphs.add("一、涉及单位及人员：" + concerned + "；" + clue.personsInvolved() + "。");
        paragraphs.add("二、主要问题线索：" + clue.facts());
        paragraphs.add("三、移送材料：详见所附移送材料清单。");
        String handlerName = users.find(clue.handler()).map(AppUser::displayName).orElse(clue.handler());
        paragraphs.add("联系人：" + handlerName + "（线索编号 " + clue.clueNo() + "）");
        return paragraphs;
    }

    private static List<String> materialParagraphs(Clue clue, List<StoredDocument> evidence,
                                                   List<ClueMapper.ClueLink> links) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("随" + clue.transferLetterNo() + "移送以下材料：");
        int n = 1;
        paragraphs.add(n++ + ". 问题线索移送函（" + clue.transferLetterNo() + "），1份。");
        for (StoredDocument document : evidence) {
            paragraphs.add(n++ + ". " + document.title() + "（文件 " + document.fileName() + "，SHA-256 "
                    + document.sha256().substring(0, 16) + "…），1份。");
        }
        if (clue.sourceType() != ClueSource.NONE && clue.sourceNo() != null) {
            paragraphs.add(n++ + ". 线索来源：" + clue.sourceType().label() + " " + clue.sourceNo() + " 的有关记录。");
        }
        for (ClueMapper.ClueLink link : links) {
            paragraphs.add(n++ + ". " + link.recordType().label() + " " + link.recordNo() + " 的有关记录。");
        }
        paragraphs.add("共 " + (n - 1) + " 项。");
        return paragraphs;
    }
}
