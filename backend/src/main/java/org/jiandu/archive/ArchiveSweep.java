package org.jiandu.archive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep that archives every closed record before the engine's history cleanup may remove it: every
 * {@code jiandu.archive.sweep-interval} on every node (the retention periods are years), or at once when an
 * admin asks. Each record is archived in a transaction of its own; one that fails is tried again next time.
 */
@Component
class ArchiveSweep {

    private static final Logger log = LoggerFactory.getLogger(ArchiveSweep.class);
    private static final int BATCH = 50;

    private final Archiver archiver;
    private final ArchiveMapper mapper;
    private final ArchiveSettings settings;
    private final TransactionTemplate inTransaction;

    ArchiveSweep(Archiver archiver, ArchiveMapper mapper, ArchiveSettings settings,
                 PlatformTransactionManager transactions) {
        this.archiver = archiver;
        this.mapper = mapper;
        this.settings = settings;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /** The scheduled sweep of every node: archives closed records that have no package yet. */
    @Scheduled(fixedDelayString = "${jiandu.archive.sweep-interval:PT10M}", initialDelayString = "PT2M")
    void scheduledSweep() {
        if (settings.isSweepEnabled()) {
            sweep();
        }
    }

    /** Archives every closed record without a package; returns how many packages this call wrote. */
    int sweep() {
        int written = 0;
        Set<String> tried = new HashSet<>();
        while (true) {
            List<String> closed = new ArrayList<>(inTransaction.execute(status -> mapper.closedNotArchived(BATCH + tried.size())));
            closed.removeAll(tried);
            if (closed.isEmpty()) {
                return written;
            }
            for (String processInstanceId : closed) {
                tried.add(processInstanceId);
                try {
                    if (inTransaction.execute(status -> archiver.archive(processInstanceId)).isPresent()) {
                        written++;
                    }
                } catch (RuntimeException e) {
                    log.error("Archiving process instance {} failed; the next sweep tries again", processInstanceId, e);
                }
            }
        }
    }
}
