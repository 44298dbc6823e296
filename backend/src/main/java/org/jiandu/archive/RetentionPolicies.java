package org.jiandu.archive;

import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every deployed process definition (every version) the history time to live of its record type's
 * retention period ({@link ArchiveSettings#retentionOf}), so that a changed period applies without a redeploy.
 * Each node does it on start; setting the same value twice changes nothing.
 */
@Component
class RetentionPolicies {

    private static final Logger log = LoggerFactory.getLogger(RetentionPolicies.class);

    private final RepositoryService repository;
    private final ArchiveSettings settings;

    RetentionPolicies(RepositoryService repository, ArchiveSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            int days = settings.retentionOf(definition.getKey()).historyDays();
            if (!Objects.equals(days, definition.getHistoryTimeToLive())) {
                try {
                    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                    log.info("History time to live of {} v{}: {} days", definition.getKey(), definition.getVersion(), days);
                } catch (RuntimeException e) {
                    log.warn("History time to live of {} v{} stays {} days: {}", definition.getKey(),
                            definition.getVersion(), definition.getHistoryTimeToLive(), e.getMessage());
                }
            }
        }
    }
}
