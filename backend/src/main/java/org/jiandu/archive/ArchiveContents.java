package org.jiandu.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;
import org.jiandu.trace.TraceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What goes into a record's archive package: the trace as an auditor sees it ({@code trace.docx}), every stored
 * document of the record and of the records it links to, byte for byte, and their audit rows with their chain
 * hashes ({@code audit.json}); each file listed with its SHA-256 for the manifest.
 */
@Component
class ArchiveContents {

    private static final Logger log = LoggerFactory.getLogger(ArchiveContents.class);

    /** Archiving reads the record as an auditor does: everything, of every organisation. */
    private static final CurrentUser ARCHIVIST = new CurrentUser("archive", "电子档案归档（系统）",
            new OrgUnit(null, "ARCHIVE", "电子档案", OrgKind.SUPERVISION_BODY, null, null, "/", null, true),
            EnumSet.of(Role.AUDITOR));

    private final TraceService traces;
    private final DocumentStore documents;
    private final AuditLog auditLog;
    private final ObjectMapper json;

    ArchiveContents(TraceService traces, DocumentStore documents, AuditLog auditLog, ObjectMapper json) {
        this.traces = traces;
        this.documents = documents;
        this.auditLog = auditLog;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The files of a package (path → content), their manifest entries, and the record numbers it covers. */
    record Contents(Map<String, byte[]> files, List<Map<String, Object>> fileEntries, Set<String> recordNos) {
    }

    /** Collects the files of the record with this business key and of the records it links to. */
    Contents collect(String businessKey) {
        TraceService.ExportedTrace trace = traces.export(businessKey, ARCHIVIST);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("trace.docx", trace.content());
        Set<String> recordNos = new LinkedHashSet<>();
        recordNos.add(businessKey);
        List<Map<String, Object>> fileEntries = new ArrayList<>();
        fileEntries.add(entry("trace.docx", trace.content(), Map.of("kind", "TRACE")));
        TraceService.Trace content = traces.trace(businessKey, ARCHIVIST);
        content.processes().forEach(process -> {
            if (process.businessKey() != null) {
                recordNos.add(process.businessKey());
            }
        });
        content.documents().forEach(document -> recordNos.add(document.recordNo()));
        for (String recordNo : recordNos) {
            for (StoredDocument document : documents.listByRecordNo(recordNo)) {
                byte[] bytes = documents.content(document.id());
                String path = "documents/" + document.id() + "-v" + document.version() + "-" + safe(document.fileName());
                files.put(path, bytes);
                Map<String, Object> about = new LinkedHashMap<>();
                about.put("kind", "DOCUMENT");
                about.put("documentId", document.id());
                about.put("recordType", document.recordType());
                about.put("recordNo", document.recordNo());
                about.put("docType", document.docType().name());
                about.put("docNo", document.docNo());
                about.put("title", document.title());
                about.put("storedSha256", document.sha256());
                fileEntries.add(entry(path, bytes, about));
                if (!document.sha256().equals(DocumentStore.sha256(bytes))) {
                    log.error("Document {} of {} no longer has the SHA-256 it was stored with", document.id(), recordNo);
                }
            }
        }
        List<AuditEntry> auditRows = auditLog.ofRecordNumbers(recordNos);
        byte[] audit = json(auditRows);
        files.put("audit.json", audit);
        fileEntries.add(entry("audit.json", audit, Map.of("kind", "AUDIT", "rows", auditRows.size())));
        return new Contents(files, fileEntries, recordNos);
    }

    /** A value as indented JSON, the way every JSON file of a package is written. */
    byte[] json(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> entry(String path, byte[] content, Map<String, Object> about) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", path);
        entry.put("sha256", DocumentStore.sha256(content));
        entry.put("size", content.length);
        entry.putAll(about);
        return entry;
    }

    /** A name safe in any file system: letters, digits, CJK, dot, dash and underscore; the rest becomes '_'. */
    static String safe(String name) {
        String cleaned = name == null ? "file" : name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
    }
}
