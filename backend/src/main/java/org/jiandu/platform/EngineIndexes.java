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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that our queries need and Camunda's schema does not have. Flyway runs before
 * the engine creates its tables (FlywayBeforeEngine), so a migration cannot add them on an empty database; they are
 * added here, once the engine has built (and created or checked) its schema, if they are missing. Several nodes
 * starting at once may race to add one: the loser finds it there and goes on.
 *
 * <ul>
 * <li>{@code JD_IDX_HI_TASK_ASSIGNEE} on {@code ACT_HI_TASKINST (ASSIGNEE_, END_TIME_)}: the inbox's 已办 view and
 * its badge count ask for a person's completed tasks on every inbox page; without it that is a full scan of the task
 * history (docs/PERFORMANCE.md, scenario 3).</li>
 * </ul>
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    record Index(String table, String name, String columns) {
    }

    static final List<Index> INDEXES = List.of(
            new Index("ACT_HI_TASKINST", "JD_IDX_HI_TASK_ASSIGNEE", "ASSIGNEE_, END_TIME_"));

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
        try (Connection db = dataSource.getConnection()) {
            for (Index index : INDEXES) {
                if (!exists(db, index)) {
                    try (Statement st = db.createStatement()) {
                        st.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns() + ")");
                        LOG.info("Added index {} on {} ({})", index.name(), index.table(), index.columns());
                    } catch (SQLException e) {
                        if (!exists(db, index)) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add the engine indexes: " + e.getMessage(), e);
        }
    }

    static boolean exists(Connection db, Index index) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getIndexInfo(db.getCatalog(), null, table, false, true)) {
                while (rs.next()) {
                    if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
