package org.jiandu.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file kinds accepted as evidence and attachments, recognised by their content (magic bytes),
 * not by the name or the type the browser claims.
 */
enum FileKind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F'}, "pdf"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] {'P', 'K', 3, 4}, "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {'P', 'K', 3, 4}, "xlsx"),
    DOC("application/msword", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "doc"),
    XLS("application/vnd.ms-excel", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "xls");

    static final String ALLOWED = "PDF、JPG、PNG、DOC、DOCX、XLS、XLSX";

    private final String contentType;
    private final byte[] magic;
    private final String[] extensions;

    FileKind(String contentType, byte[] magic, String... extensions) {
        this.contentType = contentType;
        this.magic = magic;
        this.extensions = extensions;
    }

    String contentType() {
        return contentType;
    }

    /** The kind whose extension the name has and whose signature the content starts with. */
    static Optional<FileKind> of(String fileName, byte[] content) {
        if (fileName == null || !fileName.contains(".")) {
            return Optional.empty();
        }
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> Arrays.asList(kind.extensions).contains(extension))
                .filter(kind -> startsWith(content, kind.magic))
                .findFirst();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
