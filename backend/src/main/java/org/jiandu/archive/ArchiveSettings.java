package org.jiandu.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code jiandu.archive.*}: where archive packages are written (a directory; with several nodes a path all of them
 * share), how often the sweep looks for closed records not yet archived, and the retention period per process
 * (record type). A process not listed keeps the {@code historyTimeToLive} of its BPMN.
 */
@Component
@ConfigurationProperties(prefix = "jiandu.archive")
public class ArchiveSettings {

    private Path dir = Path.of("data", "archive");
    private boolean sweepEnabled = true;
    private Duration sweepInterval = Duration.ofMinutes(10);
    private Map<String, Retention> retention = new LinkedHashMap<>();

    public Path getDir() {
        return dir;
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }

    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public Map<String, Retention> getRetention() {
        return retention;
    }

    public void setRetention(Map<String, Retention> retention) {
        this.retention = retention;
    }

    /** The retention of a process's records; records of a process not configured are kept 10 years. */
    Retention retentionOf(String processKey) {
        return retention.getOrDefault(processKey, Retention.TEN_YEARS);
    }
}
