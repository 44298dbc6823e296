package org.jiandu.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jiandu.identity.Actor;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.jiandu.web.FileDownload;
import org.jiandu.web.TextHygiene;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The store of documents: generated official documents and uploaded evidence, each with its SHA-256,
 * in the shared database (so every node sees every file). A stored document never changes; a
 * correction is a new version that names the one it supersedes. Every store and every download writes
 * an audit row.
 */
@Service
public class DocumentStore {

    private final DocumentMapper documents;
    private final AuditLog auditLog;
    private final Clock clock;
    private final long maxUploadBytes;

    DocumentStore(DocumentMapper documents, AuditLog auditLog, Clock clock,
                  @Value("${jiandu.documents.max-upload-size:20MB}") DataSize maxUpload) {
        this.documents = documents;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxUploadBytes = maxUpload.toBytes();
    }

    /** Stores a generated .docx (an official document) for a record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument storeGenerated(String recordType, String recordNo, DocType type, String docNo, String title,
                                         byte[] docx) {
        String fileName = (docNo != null ? docNo + " " : "") + title + ".docx";
        return insert(recordType, recordNo, type, docNo, title, fileName, FileKind.DOCX.contentType(), docx, 1, null);
    }

    /** Stores an uploaded file after checking its kind (by content) and size. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument storeUpload(String recordType, String recordNo, DocType type, MultipartFile file) {
        byte[] content = readChecked(file);
        String name = safeName(file.getOriginalFilename());
        FileKind kind = FileKind.of(name, content).orElseThrow(() -> ApiException.badRequest("FILE_TYPE_NOT_ALLOWED",
                "文件“" + name + "”的类型不被接受（或内容与扩展名不符）。可上传：" + FileKind.ALLOWED + "。"));
        checkArchive(name, kind, content);
        return insert(recordType, recordNo, type, null, stripExtension(name), name, kind.contentType(), content, 1, null);
    }

    /**
     * Stores the files of one submission under a record, all of the same type, after checking every one of them: a
     * bad file refuses the submission before any is written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StoredDocument> storeUploads(String recordType, String recordNo, DocType type, List<MultipartFile> files) {
        files.forEach(this::checkUpload);
        return files.stream().map(file -> storeUpload(recordType, recordNo, type, file)).toList();
    }

    /** Checks an upload without storing it: for requests that must refuse bad files before writing anything. */
    public void checkUpload(MultipartFile file) {
        byte[] content = readChecked(file);
        String name = safeName(file.getOriginalFilename());
        FileKind kind = FileKind.of(name, content).orElseThrow(() -> ApiException.badRequest("FILE_TYPE_NOT_ALLOWED",
                "文件“" + name + "”的类型不被接受（或内容与扩展名不符）。可上传：" + FileKind.ALLOWED + "。"));
        checkArchive(name, kind, content);
    }

    /**
     * A .docx or .xlsx is a zip archive: refuse one that unpacks to more than {@value #MAX_UNPACKED_MB} MB or
     * holds more than {@value #MAX_ARCHIVE_ENTRIES} entries (a zip bomb would exhaust whoever opens it: the
     * trace export, a reviewer's Word). The archive is actually unpacked and counted, since the sizes an
     * archive declares can lie.
     */
    static void checkArchive(String name, FileKind kind, byte[] content) {
        if (kind != FileKind.DOCX && kind != FileKind.XLSX) {
            return;
        }
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                if (++entries > MAX_ARCHIVE_ENTRIES) {
                    throw archiveTooLarge(name);
                }
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_MB * 1024L * 1024L) {
                        throw archiveTooLarge(name);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("FILE_TYPE_NOT_ALLOWED", "文件“" + name + "”已损坏，无法作为 "
                    + kind.name() + " 打开。");
        }
        if (entries == 0) {
            throw ApiException.badRequest("FILE_TYPE_NOT_ALLOWED", "文件“" + name + "”已损坏，无法作为 "
                    + kind.name() + " 打开。");
        }
    }

    static final int MAX_UNPACKED_MB = 100;
    static final int MAX_ARCHIVE_ENTRIES = 10_000;

    private static ApiException archiveTooLarge(String name) {
        return ApiException.badRequest("FILE_ARCHIVE_TOO_LARGE", "文件“" + name + "”解压后超过 " + MAX_UNPACKED_MB
                + " MB 或包含超过 " + MAX_ARCHIVE_ENTRIES + " 个部件，疑为压缩炸弹，不予接收。");
    }

    /** A correction: a new version of a document, which stays as it was. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument storeNewVersion(long previousId, byte[] content, String fileName) {
        StoredDocument previous = find(previousId).orElseThrow(() -> ApiException.notFound("DOCUMENT_NOT_FOUND",
                "文书不存在。"));
        if (documents.successorCount(previousId) > 0) {
            throw ApiException.conflict("DOCUMENT_ALREADY_SUPERSEDED", "该文书已有更新的版本，请在最新版本上更正。");
        }
        return insert(previous.recordType(), previous.recordNo(), previous.docType(), null, previous.title(),
                fileName, previous.contentType(), content, previous.version() + 1, previousId);
    }

    @Transactional(readOnly = true)
    public List<StoredDocument> list(String recordType, String recordNo) {
        return documents.findByRecord(recordType, recordNo);
    }

    /** Every document filed under a record number, whatever the record type. */
    @Transactional(readOnly = true)
    public List<StoredDocument> listByRecordNo(String recordNo) {
        return documents.findByRecordNo(recordNo);
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> find(long id) {
        return documents.find(id);
    }

    /**
     * The document {@code documentId} if it is filed under this record and passes {@code visible} (what this caller
     * may see of the record's documents); 404 {@code DOCUMENT_NOT_FOUND} otherwise, so that the id of another
     * record's document tells nothing.
     */
    @Transactional(readOnly = true)
    public StoredDocument ofRecord(String recordType, String recordNo, long documentId, Predicate<StoredDocument> visible) {
        return documents.find(documentId)
                .filter(doc -> recordType.equals(doc.recordType()) && recordNo.equals(doc.recordNo()))
                .filter(visible)
                .orElseThrow(() -> ApiException.notFound("DOCUMENT_NOT_FOUND", "文书不存在。"));
    }

    /** Downloads a document filed under a record the caller may see (see {@link #ofRecord}); records who did. */
    @Transactional
    public ResponseEntity<byte[]> download(String recordType, String recordNo, long documentId,
                                           Predicate<StoredDocument> visible) {
        return download(ofRecord(recordType, recordNo, documentId, visible));
    }

    /** Downloads any document filed under a record the caller may see; records who did. */
    @Transactional
    public ResponseEntity<byte[]> download(String recordType, String recordNo, long documentId) {
        return download(recordType, recordNo, documentId, document -> true);
    }

    @Transactional(readOnly = true)
    public byte[] content(long id) {
        DocumentMapper.Content content = documents.content(id);
        if (content == null) {
            throw ApiException.notFound("DOCUMENT_NOT_FOUND", "文书不存在。");
        }
        return content.content();
    }

    /**
     * The HTTP answer that downloads a document, after the caller has checked that the user may see it;
     * records who downloaded what.
     */
    @Transactional
    public ResponseEntity<byte[]> download(StoredDocument document) {
        byte[] content = content(document.id());
        auditLog.record(document.recordType(), document.recordNo(), "DOCUMENT_DOWNLOADED",
                Map.of("documentId", document.id(), "docNo", String.valueOf(document.docNo()),
                        "sha256", document.sha256()));
        return FileDownload.of(content, document.contentType(), document.fileName(), document.sha256());
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredDocument insert(String recordType, String recordNo, DocType type, String docNo, String title,
                                  String fileName, String contentType, byte[] content, int version, Long supersedes) {
        DocumentMapper.NewRow row = new DocumentMapper.NewRow();
        row.recordType = recordType;
        row.recordNo = recordNo;
        row.docType = type;
        row.docNo = docNo;
        row.title = title;
        row.fileName = fileName;
        row.contentType = contentType;
        row.sizeBytes = content.length;
        row.sha256 = sha256(content);
        row.content = content;
        row.version = version;
        row.supersedesId = supersedes;
        row.createdBy = Actor.current().userId();
        row.createdAt = LocalDateTime.now(clock).withNano(0);
        documents.insert(row);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("documentId", row.id);
        changes.put("docType", type);
        changes.put("docNo", docNo);
        changes.put("title", title);
        changes.put("sha256", row.sha256);
        changes.put("version", version);
        auditLog.record(recordType, recordNo, supersedes == null ? "DOCUMENT_STORED" : "DOCUMENT_CORRECTED", changes);
        return documents.find(row.id).orElseThrow();
    }

    private byte[] readChecked(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("FILE_EMPTY", "上传的文件为空。");
        }
        if (TextHygiene.offendingCharacter(file.getOriginalFilename()) != null) {
            throw ApiException.badRequest("FILE_NAME_INVALID", "文件名含有不允许的控制字符或文字方向控制符（"
                    + TextHygiene.offendingCharacter(file.getOriginalFilename()) + "），请改名后重新上传。");
        }
        if (file.getSize() > maxUploadBytes) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                    "文件“" + safeName(file.getOriginalFilename()) + "”超过 " + DataSize.ofBytes(maxUploadBytes).toMegabytes()
                            + " MB 的大小限制。");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
