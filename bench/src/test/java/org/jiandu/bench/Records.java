package org.jiandu.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records of the generated data set for the scenarios' feeders, read straight from the database. */
final class Records {

    private Records() {
    }

    static List<Map<String, Object>> query(String sql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection db = AuditRows.connect(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    /** Complaints whose open task is {@code taskKey}, newest first: clones, each completed once by one user. */
    static List<Map<String, Object>> complaintsAt(String taskKey, int limit) {
        return query("SELECT c.id AS complaint_id, t.ID_ AS task_id FROM complaint c JOIN ACT_RU_TASK t "
                + "ON t.PROC_INST_ID_ = c.process_instance_id WHERE t.TASK_DEF_KEY_ = '" + taskKey + "' "
                + "ORDER BY c.id DESC LIMIT " + limit);
    }
}
