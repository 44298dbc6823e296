package org.jiandu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jiandu.IntegrationTest;
import org.jiandu.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

class DocumentStoreTest extends IntegrationTest {

    private static final byte[] PDF = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    DocumentStore store;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void storesAnUploadWithItsHashAndKeepsItUnchangedAcrossVersions() {
        String recordNo = "TEST-" + System.nanoTime();
        StoredDocument first = transactions.execute(status -> store.storeUpload("TEST", recordNo, DocType.EVIDENCE,
                new MockMultipartFile("file", "现场照片.pdf", "application/pdf", PDF)));
        assertThat(first.sha256()).isEqualTo(DocumentStore.sha256(PDF));
        assertThat(first.contentType()).isEqualTo("application/pdf");
        assertThat(first.version()).isEqualTo(1);

        byte[] corrected = "%PDF-1.4 corrected".getBytes(StandardCharsets.US_ASCII);
        StoredDocument second = transactions.execute(status -> store.storeNewVersion(first.id(), corrected, "现场照片.pdf"));
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.content(first.id())).isEqualTo(PDF);
        assertThat(store.list("TEST", recordNo)).extracting(StoredDocument::id).containsExactly(first.id(), second.id());
        assertThatThrownBy(() -> transactions.execute(status -> store.storeNewVersion(first.id(), corrected, "x.pdf")))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("DOCUMENT_ALREADY_SUPERSEDED");
    }

    @Test
    void refusesFilesWhoseContentIsNotAnAllowedKind() {
        String recordNo = "TEST-" + System.nanoTime();
        assertThatThrownBy(() -> transactions.execute(status -> store.storeUpload("TEST", recordNo, DocType.EVIDENCE,
                new MockMultipartFile("file", "virus.pdf", "application/pdf", "MZ\u0090 not a pdf".getBytes()))))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("FILE_TYPE_NOT_ALLOWED");
        assertThatThrownBy(() -> transactions.execute(status -> store.storeUpload("TEST", recordNo, DocType.EVIDENCE,
                new MockMultipartFile("file", "script.exe", "application/octet-stream", PDF))))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("FILE_TYPE_NOT_ALLOWED");
        assertThatThrownBy(() -> transactions.execute(status -> store.storeUpload("TEST", recordNo, DocType.EVIDENCE,
                new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[21 * 1024 * 1024]))))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("FILE_TOO_LARGE");
        assertThat(store.list("TEST", recordNo)).isEqualTo(List.of());
    }
}
