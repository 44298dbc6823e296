package org.jiandu.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;
import org.jiandu.platform.EngineAccess;
import org.jiandu.trace.TraceService;
import org.jiandu.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a closed record's archive package, and verifies one.
 *
 * <p>A package is a directory of the archive store: {@code trace.docx} (the full trace as an auditor sees it),
 * {@code documents/} (every stored document of the record and of the records it links to, byte for byte),
 * {@code audit.json} (the audit rows of those records, each with its chain hashes) and {@code manifest.json},
 * which lists every file with its SHA-256. The manifest's own SHA-256 is kept in {@code archive_package}, so a
 * changed, added or removed file, or a changed manifest, is found by {@link #verify}.
 *
 * <p>Every closed record is archived long before the engine's history cleanup may remove it: the sweep runs every
 * {@code jiandu.archive.sweep-interval} (minutes) on every node, the retention periods are years. Nodes never
 * archive the same record twice: each claims it by inserting its row first (unique process instance).
 */
@Service
public class Archiver {

    private static final Logger log = LoggerFactory.getLogger(Archiver.class);
    static final String RECORD_TYPE = "ARCHIVE";
    static final String MANIFEST = "manifest.json";
    private static final int BATCH = 50;

    /** Archiving reads the record as an auditor does: everything, of every organisation. */
    private static final CurrentUser ARCHIVIST = new CurrentUser("archive", "电子档案归档（系统）",
            new OrgUnit(null, "ARCHIVE", "电子档案", OrgKind.SUPERVISION_BODY, null, null, "/", null, true),
            EnumSet.of(Role.AUDITOR));

    private final ArchiveMapper mapper;
    private final ArchiveSettings settings;
    private final HistoryService history;
    private final EngineAccess engineAccess;
    private final TraceService traces;
    private final DocumentStore documents;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate inTransaction;
    private final ObjectMapper json;

    Archiver(ArchiveMapper mapper, ArchiveSettings settings, HistoryService history, EngineAccess engineAccess,
             TraceService traces, DocumentStore documents, AuditLog auditLog, Clock clock,
             PlatformTransactionManager transactions, ObjectMapper json) {
        this.mapper = mapper;
        this.settings = settings;
        this.history = history;
        this.engineAccess = engineAccess;
        this.traces = traces;
        this.documents = documents;
        this.auditLog = auditLog;
        this.clock = clock;
        this.inTransaction = new TransactionTemplate(transactions);
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The scheduled sweep of every node: archives closed records that have no package yet. */
    @Scheduled(fixedDelayString = "${jiandu.archive.sweep-interval:PT10M}", initialDelayString = "PT2M")
    void scheduledSweep() {
        if (settings.isSweepEnabled()) {
            sweep();
        }
    }

    /** Archives every closed record without a package; returns how many packages this call wrote. */
    public int sweep() {
        int written = 0;
        Set<String> tried = new java.util.HashSet<>();
        while (true) {
            List<String> closed = new ArrayList<>(inTransaction.execute(status -> mapper.closedNotArchived(BATCH + tried.size())));
            closed.removeAll(tried);
            if (closed.isEmpty()) {
                return written;
            }
            for (String processInstanceId : closed) {
                tried.add(processInstanceId);
                try {
                    if (inTransaction.execute(status -> archive(processInstanceId)).isPresent()) {
                        written++;
                    }
                } catch (RuntimeException e) {
                    log.error("Archiving process instance {} failed; the next sweep tries again", processInstanceId, e);
                }
            }
        }
    }

    /**
     * Writes the package of a closed top-level process instance, in the caller's transaction; empty if it is not
     * closed, or if another node holds or wrote its package.
     */
    @Transactional
    public Optional<ArchivePackage> archive(String processInstanceId) {
        HistoricProcessInstance root = engineAccess.withoutAuthorizationChecks(() -> history
                .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
        if (root == null || root.getEndTime() == null || root.getBusinessKey() == null) {
            return Optional.empty();
        }
        ZoneId zone = clock.getZone();
        LocalDateTime closedAt = LocalDateTime.ofInstant(root.getEndTime().toInstant(), zone).truncatedTo(ChronoUnit.SECONDS);
        Retention retention = settings.retentionOf(root.getProcessDefinitionKey());
        ArchiveMapper.ArchiveRow row = new ArchiveMapper.ArchiveRow();
        row.businessKey = root.getBusinessKey();
        row.processInstanceId = processInstanceId;
        row.processKey = root.getProcessDefinitionKey();
        row.retention = retention.name();
        row.closedAt = closedAt;
        row.keptUntil = retention.keptUntil(closedAt);
        row.location = closedAt.getYear() + "/" + safe(root.getBusinessKey()) + "-" + processInstanceId;
        row.archivedAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        try {
            mapper.claim(row);
        } catch (DuplicateKeyException another) {
            return Optional.empty();
        }

        TraceService.ExportedTrace trace = traces.export(root.getBusinessKey(), ARCHIVIST);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("trace.docx", trace.content());
        Set<String> recordNos = new LinkedHashSet<>();
        recordNos.add(root.getBusinessKey());
        List<Map<String, Object>> fileEntries = new ArrayList<>();
        fileEntries.add(entry("trace.docx", trace.content(), Map.of("kind", "TRACE")));
        TraceService.Trace content = traces.trace(root.getBusinessKey(), ARCHIVIST);
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
        byte[] audit = write(auditRows);
        files.put("audit.json", audit);
        fileEntries.add(entry("audit.json", audit, Map.of("kind", "AUDIT", "rows", auditRows.size())));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "jiandu-archive/1");
        manifest.put("businessKey", root.getBusinessKey());
        manifest.put("processInstanceId", processInstanceId);
        manifest.put("processKey", root.getProcessDefinitionKey());
        manifest.put("recordNos", recordNos);
        manifest.put("closedAt", closedAt);
        manifest.put("retention", retention.name());
        manifest.put("retentionLabel", retention.label());
        manifest.put("keptUntil", row.keptUntil);
        manifest.put("archivedAt", row.archivedAt);
        manifest.put("files", fileEntries);
        byte[] manifestBytes = write(manifest);
        files.put(MANIFEST, manifestBytes);
        String manifestSha256 = DocumentStore.sha256(manifestBytes);

        writeDirectory(settings.getDir().resolve(row.location), files);
        mapper.complete(row.id, manifestSha256, files.size());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("processInstanceId", processInstanceId);
        changes.put("location", row.location);
        changes.put("manifestSha256", manifestSha256);
        changes.put("retention", retention.name());
        auditLog.record(RECORD_TYPE, root.getBusinessKey(), "RECORD_ARCHIVED", changes);
        return mapper.find(row.id);
    }

    public List<ArchivePackage> packages(String businessKey) {
        return mapper.findByBusinessKey(businessKey);
    }

    /** Recomputes the SHA-256 of the manifest and of every file, and looks for files the manifest does not list. */
    public Verification verify(long id) {
        ArchivePackage archived = mapper.find(id).orElseThrow(() -> ApiException.notFound("ARCHIVE_NOT_FOUND",
                "归档包 " + id + " 不存在。"));
        Path dir = settings.getDir().resolve(archived.location());
        List<String> problems = new ArrayList<>();
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return new Verification(archived, false, 0, List.of("缺少归档清单 " + MANIFEST));
        }
        byte[] manifestBytes = read(manifestFile);
        if (!DocumentStore.sha256(manifestBytes).equals(archived.manifestSha256())) {
            problems.add("归档清单的 SHA-256 与归档登记不符：清单已被改动");
        }
        List<Map<String, Object>> listed;
        try {
            listed = json.convertValue(json.readTree(manifestBytes).get("files"), new TypeReference<>() { });
        } catch (IOException | IllegalArgumentException e) {
            return new Verification(archived, false, 0, List.of("归档清单无法读取：" + e.getMessage()));
        }
        Set<String> expected = new LinkedHashSet<>();
        int checked = 0;
        for (Map<String, Object> file : listed) {
            String path = String.valueOf(file.get("path"));
            expected.add(path);
            Path onDisk = dir.resolve(path).normalize();
            if (!onDisk.startsWith(dir) || !Files.isRegularFile(onDisk)) {
                problems.add("缺少文件 " + path);
                continue;
            }
            checked++;
            if (!DocumentStore.sha256(read(onDisk)).equals(file.get("sha256"))) {
                problems.add("文件 " + path + " 的 SHA-256 与清单不符：文件已被改动");
            }
        }
        expected.add(MANIFEST);
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).map(path -> dir.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> !expected.contains(path)).sorted()
                    .forEach(path -> problems.add("清单外的文件 " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Verification(archived, problems.isEmpty(), checked, problems);
    }

    private Map<String, Object> entry(String path, byte[] content, Map<String, Object> about) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", path);
        entry.put("sha256", DocumentStore.sha256(content));
        entry.put("size", content.length);
        entry.putAll(about);
        return entry;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files beside the package, then moves them into place, replacing what a crashed attempt left. */
    private static void writeDirectory(Path dir, Map<String, byte[]> files) {
        try {
            Files.createDirectories(dir.getParent());
            Path temporary = dir.resolveSibling(".tmp-" + UUID.randomUUID());
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = temporary.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the archive package " + dir, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name safe in any file system: letters, digits, CJK, dot, dash and underscore; the rest becomes '_'. */
    private static String safe(String name) {
        String cleaned = name == null ? "file" : name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
    }

    /** The result of checking a package. */
    public record Verification(ArchivePackage archive, boolean intact, int filesChecked, List<String> problems) {
    }
}
