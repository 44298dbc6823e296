package org.jiandu.document;

import java.util.UUID;
import java.util.function.Function;

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
 * that fails gives its number back, and two signings at once wait for each other's row lock — which is held
 * to commit, so {@link #render} renders the document before taking the number and then writes the number
 * into it, instead of rendering under the lock.
 */
@Service
public class DocumentNumbers {

    private final Sequences sequences;
    private final DocumentMapper documents;
    private final OfficialDocumentWriter writer;

    DocumentNumbers(Sequences sequences, DocumentMapper documents, OfficialDocumentWriter writer) {
        this.sequences = sequences;
        this.documents = documents;
        this.writer = writer;
    }

    /** A numbered document as rendered: its number and its .docx, which carries the number. */
    public record Numbered(String docNo, byte[] docx) {
    }

    /**
     * Renders {@code content} (given the number to print) with a placeholder, then takes the next number and
     * writes it into the rendered file: the counter's row lock is taken after the rendering, not before it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Numbered render(OrgUnit issuer, DocType type, int year, Function<String, OfficialDocument> content) {
        String pattern = pattern(issuer, type);
        String placeholder = "DOCNO-" + UUID.randomUUID();
        byte[] draft = writer.write(content.apply(placeholder));
        String docNo = format(pattern, issuer.docAbbr(), year, sequences.next(name(issuer, type, year)));
        return new Numbered(docNo, OfficialDocumentWriter.stampNumber(draft, placeholder, docNo));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(OrgUnit issuer, DocType type, int year) {
        String pattern = pattern(issuer, type);
        return format(pattern, issuer.docAbbr(), year, sequences.next(name(issuer, type, year)));
    }

    private static String name(OrgUnit issuer, DocType type, int year) {
        return "DOC|" + issuer.code() + "|" + type + "|" + year;
    }

    private String pattern(OrgUnit issuer, DocType type) {
        String pattern = documents.numberPattern(type);
        if (pattern == null) {
            throw new IllegalArgumentException(type + " documents are not numbered");
        }
        if (pattern.contains("{abbr}") && (issuer.docAbbr() == null || issuer.docAbbr().isBlank())) {
            throw ApiException.conflict("ISSUER_HAS_NO_ABBREVIATION",
                    issuer.name() + " 尚未设置机关代字，无法编发文号；请管理员在机构设置中填写。");
        }
        return pattern;
    }

    static String format(String pattern, String abbr, int year, long n) {
        return pattern.replace("{abbr}", abbr == null ? "" : abbr)
                .replace("{year}", Integer.toString(year))
                .replace("{n}", Long.toString(n));
    }
}
