package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The indexes the engine lacks are there after start, and making them again is a no-op. */
class EngineIndexesTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void theJobsDueDateIsIndexedOnceTheEngineHasStarted() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
                assertThat(EngineIndexes.exists(connection, index)).as(index.toString()).isTrue();
            }
        }
    }

    @Test
    void aMissingIndexIsMadeAndAnExistingOneLeftAlone() throws Exception {
        // upper case: MySQL / MariaDB on Linux tell table names apart by case, H2 makes unquoted ones upper case
        jdbc.execute("CREATE TABLE ENGINE_INDEX_PROBE (ID INT NOT NULL PRIMARY KEY, DUE_AT TIMESTAMP NULL)");
        try (Connection connection = dataSource.getConnection()) {
            EngineIndexes.Index probe = new EngineIndexes.Index("ENGINE_INDEX_PROBE", "JIANDU_IX_PROBE_DUE", "DUE_AT");
            assertThat(EngineIndexes.exists(connection, probe)).isFalse();
            EngineIndexes.ensure(connection, probe);
            assertThat(EngineIndexes.exists(connection, probe)).isTrue();
            EngineIndexes.ensure(connection, probe);
            assertThat(EngineIndexes.exists(connection, probe)).isTrue();
        } finally {
            jdbc.execute("DROP TABLE ENGINE_INDEX_PROBE");
        }
    }
}
