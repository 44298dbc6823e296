package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.JianduApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On an empty database of the kind under test (H2, or MariaDB/MySQL when {@code JIANDU_DB_URL} is set),
 * Flyway creates the business schema and Camunda its own; a second start changes nothing. Runs in a JVM
 * of its own (tag {@code own-jvm}): the applications it starts and stops share Camunda's static registry
 * with the shared test application.
 */
@Tag("own-jvm")
class SchemaCreationTest {

    private static final List<String> COUNTED = List.of("jiandu_schema_history", "org_unit", "app_user", "deadline_policy",
            "document_type", "audit_log", "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_ID_USER", "ACT_ID_GROUP",
            "ACT_ID_MEMBERSHIP", "ACT_RU_AUTHORIZATION", "ACT_GE_PROPERTY");

    @Test
    void bothSchemasAreCreatedOnAnEmptyDatabaseAndASecondStartChangesNothing() throws Exception {
        EmptyDatabase database = EmptyDatabase.create();
        try {
            Map<String, Long> first = startCountAndStop(database.url());
            assertThat(first.get("jiandu_schema_history")).isGreaterThanOrEqualTo(2);
            assertThat(first.get("ACT_GE_PROPERTY")).isPositive();
            assertThat(first.get("deadline_policy")).isPositive();
            // the first administrator, from the property, and the break-glass member of camunda-admin (no login)
            assertThat(first.get("ACT_ID_USER")).isEqualTo(2);
            assertThat(first.get("ACT_RU_AUTHORIZATION")).isPositive();

            Map<String, Long> second = startCountAndStop(database.url());
            assertThat(second).isEqualTo(first);
        } finally {
            database.drop();
        }
    }

    private static Map<String, Long> startCountAndStop(String url) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JianduApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=" + url,
                        "--camunda.bpm.process-engine-name=schema-check",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--jiandu.demo.enabled=false",
                        "--jiandu.admin.initial-password=first-admin-password",
                        "--server.port=0",
                        "--spring.jmx.enabled=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<String, Long> counts = new LinkedHashMap<>();
            boolean h2 = url.startsWith("jdbc:h2:");
            for (String table : COUNTED) {
                // Flyway quotes its history table's name, which H2 then keeps in lower case
                String name = h2 && table.equals("jiandu_schema_history") ? "\"" + table + "\"" : table;
                counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + name, Long.class));
            }
            return counts;
        }
    }

    /** A new empty database: an H2 in-memory one, or a new schema on the MySQL-compatible server under test. */
    record EmptyDatabase(String url, String baseUrl, String name) {

        static EmptyDatabase create() throws SQLException {
            String base = System.getenv("JIANDU_DB_URL");
            String name = "jiandu_empty_" + Long.toString(System.nanoTime(), 36);
            if (base == null || !isMysqlProfile()) {
                return new EmptyDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, name);
            }
            try (Connection connection = connect(base); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            return new EmptyDatabase(base.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + name), base, name);
        }

        void drop() throws SQLException {
            if (baseUrl == null) {
                return;
            }
            try (Connection connection = connect(baseUrl); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + name);
            }
        }

        private static boolean isMysqlProfile() {
            String profiles = System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE",
                    System.getProperty("spring.profiles.active", ""));
            return profiles.contains("mysql") || profiles.contains("mariadb-test");
        }

        private static Connection connect(String url) throws SQLException {
            return DriverManager.getConnection(url, System.getenv().getOrDefault("JIANDU_DB_USER", "jiandu"),
                    System.getenv().getOrDefault("JIANDU_DB_PASSWORD", ""));
        }
    }
}
