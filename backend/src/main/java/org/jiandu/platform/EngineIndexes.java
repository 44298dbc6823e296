package org.jiandu.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that Camunda does not make and our load needs, made once the engine has made
 * or checked its tables (after Flyway, which runs before them: {@link FlywayBeforeEngine}), on every start, if
 * missing.
 * <p>{@code ACT_RU_JOB (DUEDATE_)}: every node's job acquisition asks for the jobs due now ({@code DUEDATE_ is null
 * or DUEDATE_ <= now}, not locked, {@code LIMIT}), and {@link JobExecutorHealth} counts the starved ones. Without an
 * index both read every job: with two deadline timers per open task that is 200,000 rows at 100,000 open tasks,
 * 50–130 ms a poll on MariaDB, against about 1 ms with it (docs/PERFORMANCE.md, "Job acquisition").
 * <p>Two nodes starting together may both find the index missing: the slower one's {@code CREATE INDEX} fails, and
 * that is fine once the index is there.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    /** Table, index name (prefixed, so that no Camunda upgrade script makes one of the same name), columns. */
    record Index(String table, String name, String columns) {
    }

    static final List<Index> INDEXES = List.of(new Index("ACT_RU_JOB", "JIANDU_IX_JOB_DUEDATE", "DUEDATE_"));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            for (Index index : INDEXES) {
                ensure(connection, index);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the engine's missing indexes: " + e.getMessage(), e);
        }
    }

    static void ensure(Connection connection, Index index) throws SQLException {
        if (exists(connection, index)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns() + ")");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("Made index {} on {} ({})", index.name(), index.table(), index.columns());
        } catch (SQLException e) {
            if (!exists(connection, index)) {
                throw e;
            }
            // another node made it meanwhile
        }
    }

    static boolean exists(Connection connection, Index index) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
            try (ResultSet indexes = meta.getIndexInfo(connection.getCatalog(), null, table, false, true)) {
                while (indexes.next()) {
                    if (index.name().equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
