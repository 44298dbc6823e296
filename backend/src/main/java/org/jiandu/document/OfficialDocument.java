package org.jiandu.document;

import java.time.LocalDate;
import java.util.List;

/**
 * The content of an official document (公文): issuing body, number, title, addressee (主送机关), body
 * paragraphs, attachment names, signature and date. {@code docNo} may be null for unnumbered documents.
 */
public record OfficialDocument(String issuerName, String docNo, String title, String addressee,
                               List<String> paragraphs, List<String> attachments, String signature, LocalDate date) {

    public OfficialDocument {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
