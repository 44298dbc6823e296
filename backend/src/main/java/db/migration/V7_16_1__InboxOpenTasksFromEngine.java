package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the inbox's index of open tasks (V7_16, {@code inbox.OpenTasks}) from the engine's tables, on a database that
 * has them already; on a new database Flyway runs before the engine makes its tables and there is nothing to fill.
 * From here on the index is kept by the task listener. In Java because the candidate groups of a task become one
 * sorted list, which H2 and MySQL spell differently in SQL.
 */
public class V7_16_1__InboxOpenTasksFromEngine extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!hasTable(connection, "ACT_RU_TASK")) {
            return;
        }
        Map<String, List<String>> groups = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet links = statement.executeQuery("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK "
                     + "WHERE TYPE_ = 'candidate' AND TASK_ID_ IS NOT NULL AND GROUP_ID_ IS NOT NULL")) {
            while (links.next()) {
                groups.computeIfAbsent(links.getString(1), id -> new ArrayList<>()).add(links.getString(2));
            }
        }
        String select = "SELECT T.ID_, T.ASSIGNEE_, D.KEY_, D.NAME_, P.BUSINESS_KEY_, V.TEXT_, T.NAME_, T.CREATE_TIME_, "
                + "T.DUE_DATE_, T.PRIORITY_ FROM ACT_RU_TASK T "
                + "LEFT JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_ "
                + "LEFT JOIN ACT_RU_EXECUTION P ON P.ID_ = T.PROC_INST_ID_ "
                + "LEFT JOIN ACT_RU_VARIABLE V ON V.EXECUTION_ID_ = T.PROC_INST_ID_ AND V.TASK_ID_ IS NULL "
                + "AND V.NAME_ = 'agencyCode'";
        String insert = "INSERT INTO inbox_task (task_id, audience, process_key, process_name, business_key, agency_code, "
                + "task_name, created_at, due_at, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Statement statement = connection.createStatement();
             ResultSet tasks = statement.executeQuery(select);
             PreparedStatement rows = connection.prepareStatement(insert)) {
            int batched = 0;
            while (tasks.next()) {
                String assignee = tasks.getString(2);
                rows.setString(1, tasks.getString(1));
                rows.setString(2, assignee != null ? "u:" + assignee
                        : "g:" + groups.getOrDefault(tasks.getString(1), List.of()).stream().distinct().sorted()
                                .collect(Collectors.joining(",")));
                for (int column = 3; column <= 7; column++) {
                    rows.setString(column, tasks.getString(column));
                }
                rows.setTimestamp(8, tasks.getTimestamp(8));
                rows.setTimestamp(9, tasks.getTimestamp(9));
                rows.setInt(10, tasks.getInt(10));
                rows.addBatch();
                if (++batched % BATCH == 0) {
                    rows.executeBatch();
                }
            }
            rows.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO inbox_badge (audience, shard, open_tasks) "
                    + "SELECT audience, 0, COUNT(*) FROM inbox_task GROUP BY audience");
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String spelling : List.of(name, name.toLowerCase())) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, spelling, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
