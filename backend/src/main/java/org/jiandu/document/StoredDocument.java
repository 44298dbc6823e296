package org.jiandu.document;

import java.time.LocalDateTime;

/** A stored document's description (its bytes are read separately). */
public record StoredDocument(long id, String recordType, String recordNo, DocType docType, String docNo, String title,
                             String fileName, String contentType, long sizeBytes, String sha256, int version,
                             String createdBy, LocalDateTime createdAt) {
}
