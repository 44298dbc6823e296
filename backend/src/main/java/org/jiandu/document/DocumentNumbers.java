package org.jiandu.document;

import org.jiandu.identity.OrgUnit;
import org.jiandu.sequence.Sequences;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document numbers (发文字号) such as {@code 市司监建〔2026〕7号}: one gap-free sequence per issuing body,
 * document type and year, formatted by the type's pattern ({@code {abbr}} the issuer's 机关代字,
 * {@code {year}}, {@code {n}} without leading zeros). Taken inside the signing transaction: a signing
 * that fails gives its number back, and two signings at once wait for each other's row lock.
 */
@Service
public class DocumentNumbers {

    private final Sequences sequences;
    private final DocumentMapper documents;

    DocumentNumbers(Sequences sequences, DocumentMapper documents) {
        this.sequences = sequences;
        this.documents = documents;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(OrgUnit issuer, DocType type, int year) {
        String pattern = documents.numberPattern(type);
        if (pattern == null) {
            throw new IllegalArgumentException(type + " documents are not numbered");
        }
        if (pattern.contains("{abbr}") && (issuer.docAbbr() == null || issuer.docAbbr().isBlank())) {
            throw ApiException.conflict("ISSUER_HAS_NO_ABBREVIATION",
                    issuer.name() + " 尚未设置机关代字，无法编发文号；请管理员在机构设置中填写。");
        }
        long n = sequences.next("DOC|" + issuer.code() + "|" + type + "|" + year);
        return format(pattern, issuer.docAbbr(), year, n);
    }

    static String format(String pattern, String abbr, int year, long n) {
        return pattern.replace("{abbr}", abbr == null ? "" : abbr)
                .replace("{year}", Integer.toString(year))
                .replace("{n}", Long.toString(n));
    }
}
