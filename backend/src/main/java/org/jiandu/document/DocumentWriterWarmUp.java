package org.jiandu.document;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Renders one throw-away document once the application is ready, on a background thread, so that the first
 * signing does not pay for loading Apache POI's XML schema classes (2-5 s cold). Off the start-up critical path:
 * the application answers requests while this runs, and a failure here only costs that first signing its time.
 */
@Component
class DocumentWriterWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DocumentWriterWarmUp.class);

    private final OfficialDocumentWriter writer;
    private final CompletableFuture<Long> done = new CompletableFuture<>();

    DocumentWriterWarmUp(OfficialDocumentWriter writer) {
        this.writer = writer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(this::render, "document-writer-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Completes with the milliseconds the throw-away rendering took. */
    CompletableFuture<Long> done() {
        return done;
    }

    private void render() {
        long start = System.nanoTime();
        try {
            byte[] docx = writer.write(new OfficialDocument("预热", "预热〔2026〕1号", "预热", "预热",
                    List.of("预热文书，不保存。"), List.of("预热"), "预热", LocalDate.of(2026, 1, 1)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Document writer warmed up in {} ms ({} bytes, discarded)", millis, docx.length);
            done.complete(millis);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Document writer warm-up failed; the first signing will be slower: {}", e.toString());
            done.completeExceptionally(e);
        }
    }
}
