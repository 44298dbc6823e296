package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit rows are written unsealed (issue 15): the columns the sealer fills become nullable. The only migration in
 * Java, because H2 and MySQL spell "drop NOT NULL" differently; everything else is in db/migration's SQL.
 */
public class V7_4__AuditRowsWrittenUnsealed extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        List<String> statements = h2
                ? List.of("ALTER TABLE audit_log ALTER COLUMN seq_no SET NULL",
                        "ALTER TABLE audit_log ALTER COLUMN prev_hash SET NULL",
                        "ALTER TABLE audit_log ALTER COLUMN row_hash SET NULL")
                : List.of("ALTER TABLE audit_log MODIFY seq_no BIGINT NULL, MODIFY prev_hash CHAR(64) NULL, "
                        + "MODIFY row_hash CHAR(64) NULL");
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
