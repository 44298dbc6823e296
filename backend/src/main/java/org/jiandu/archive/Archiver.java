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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocumentStore;
import org.jiandu.platform.EngineAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a closed record's archive package ({@link ArchiveContents} says what goes in it, {@link ArchiveSweep}
 * when, {@link ArchiveVerifier} checks it).
 *
 * <p>A package is a directory of the archive store: {@code trace.docx} (the full trace as an auditor sees it),
 * {@code documents/} (every stored document of the record and of the records it links to, byte for byte),
 * {@code audit.json} (the audit rows of those records, each with its chain hashes) and {@code manifest.json},
 * which lists every file with its SHA-256. The manifest's own SHA-256 is kept in {@code archive_package}, so a
 * changed, added or removed file, or a changed manifest, is found by {@link ArchiveVerifier#verify}.
 *
 * <p>Every closed record is archived long before the engine's history cleanup may remove it: the sweep runs every
 * {@code jiandu.archive.sweep-interval} (minutes) on every node, the retention periods are years. Nodes never
 * archive the same record twice: each claims it by inserting its row first (unique process instance).
 */
@Service
public class Archiver {

    static final String RECORD_TYPE = "ARCHIVE";
    static final String MANIFEST = "manifest.json";

    private final ArchiveMapper mapper;
    private final ArchiveSettings settings;
    private final HistoryService history;
    private final EngineAccess engineAccess;
    private final ArchiveContents contents;
    private final AuditLog auditLog;
    private final Clock clock;

    Archiver(ArchiveMapper mapper, ArchiveSettings settings, HistoryService history, EngineAccess engineAccess,
             ArchiveContents contents, AuditLog auditLog, Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.history = history;
        this.engineAccess = engineAccess;
        this.contents = contents;
        this.auditLog = auditLog;
        this.clock = clock;
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
        row.location = closedAt.getYear() + "/" + ArchiveContents.safe(root.getBusinessKey()) + "-" + processInstanceId;
        row.archivedAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        try {
            mapper.claim(row);
        } catch (DuplicateKeyException another) {
            return Optional.empty();
        }

        ArchiveContents.Contents collected = contents.collect(root.getBusinessKey());
        Map<String, byte[]> files = new LinkedHashMap<>(collected.files());

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "jiandu-archive/1");
        manifest.put("businessKey", root.getBusinessKey());
        manifest.put("processInstanceId", processInstanceId);
        manifest.put("processKey", root.getProcessDefinitionKey());
        manifest.put("recordNos", collected.recordNos());
        manifest.put("closedAt", closedAt);
        manifest.put("retention", retention.name());
        manifest.put("retentionLabel", retention.label());
        manifest.put("keptUntil", row.keptUntil);
        manifest.put("archivedAt", row.archivedAt);
        manifest.put("files", collected.fileEntries());
        byte[] manifestBytes = contents.json(manifest);
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
}
