package org.jiandu.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer that downloads a file: its content type, its name as an attachment (UTF-8, so Chinese
 * names survive) and its SHA-256 in {@code X-Content-SHA256}, for the one who files it to check.
 */
public final class FileDownload {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private FileDownload() {
    }

    public static ResponseEntity<byte[]> of(byte[] content, String contentType, String fileName, String sha256) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", sha256)
                .body(content);
    }
}
