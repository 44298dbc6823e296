package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One zone for every timestamp, whatever the JVM's default zone: surefire runs this class also in an execution
 * of its own with {@code -Duser.timezone=UTC} (tag {@code utc-zone}). A row the database stamps
 * ({@code DEFAULT CURRENT_TIMESTAMP}, as the seeded rows are) and a row the application stamps read back in JSON
 * with the same offset, +08:00, and both at the true instant.
 */
@Tag("utc-zone")
class TimeZoneTest extends IntegrationTest {

    private static final String YEAR = "2098";

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM calendar_exception WHERE exception_date BETWEEN '2098-01-01' AND '2098-12-31'");
    }

    @Test
    void databaseAndApplicationTimestampsCarryTheConfiguredOffset() {
        cleanUp();
        Instant before = Instant.now().minusSeconds(2);
        // stamped by the database's default, as the seeded rows (deadline policies, organisations) are
        jdbc.update("INSERT INTO calendar_exception (exception_date, kind, name, updated_by) "
                + "VALUES ('2098-01-05', 'HOLIDAY', '时区测试（数据库）', 'test')");
        // stamped by the application
        Response put = put("admin", "/api/calendar/exceptions/2098-01-06", Map.of("kind", "HOLIDAY", "name", "时区测试（应用）"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        Instant after = Instant.now().plusSeconds(2);

        JsonNode rows = get("admin", "/api/calendar/exceptions?year=" + YEAR).body();
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            String stamp = row.get("updatedAt").asText();
            // whole seconds and the offset, in one shape whatever the database keeps
            assertThat(stamp).as(row.toString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
            Instant instant = OffsetDateTime.parse(stamp).toInstant();
            assertThat(instant).as(row.toString()).isBetween(before.minus(Duration.ofSeconds(1)), after);
        }

        // a seeded row, too, carries the offset
        JsonNode policy = get("admin", "/api/deadline-policies/escalation.warning").body();
        assertThat(policy.get("updatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
    }
}
