package org.jiandu.document;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jiandu.web.ApiException;
import org.junit.jupiter.api.Test;

/** A .docx or .xlsx is a zip: one that unpacks to something absurd is refused before anyone opens it. */
class ArchiveCheckTest {

    @Test
    void anOrdinaryDocumentPasses() throws IOException {
        byte[] docx = zip(10, 20_000);
        assertThatCode(() -> DocumentStore.checkArchive("证据.docx", FileKind.DOCX, docx)).doesNotThrowAnyException();
    }

    @Test
    void aZipBombIsRefusedByWhatItUnpacksTo() throws IOException {
        byte[] bomb = zip(1, (DocumentStore.MAX_UNPACKED_MB + 1) * 1024 * 1024);
        assertThatThrownBy(() -> DocumentStore.checkArchive("bomb.docx", FileKind.DOCX, bomb))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo("FILE_ARCHIVE_TOO_LARGE"));
    }

    @Test
    void tooManyEntriesAndABrokenArchiveAreRefused() throws IOException {
        byte[] many = zip(DocumentStore.MAX_ARCHIVE_ENTRIES + 1, 1);
        assertThatThrownBy(() -> DocumentStore.checkArchive("many.xlsx", FileKind.XLSX, many))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo("FILE_ARCHIVE_TOO_LARGE"));
        byte[] broken = {'P', 'K', 3, 4, 1, 2, 3};
        assertThatThrownBy(() -> DocumentStore.checkArchive("broken.docx", FileKind.DOCX, broken))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED"));
    }

    private static byte[] zip(int entries, int bytesEach) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("word/part" + i + ".xml"));
                for (int left = bytesEach; left > 0; left -= chunk.length) {
                    zip.write(chunk, 0, Math.min(left, chunk.length));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
