package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's clock follows the engine's; an admin may move it forward when the server allows it. */
class ClockTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theApplicationClockIsTheEngineClock() {
        Instant fixed = Instant.parse("2026-02-13T01:00:00Z");
        ClockUtil.setCurrentTime(java.util.Date.from(fixed));
        assertThat(clock.instant()).isEqualTo(fixed);
        assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void anAdminMovesTheTimeForwardOnly() {
        Instant before = clock.instant();
        Response moved = post("admin", "/api/admin/clock/advance", Map.of("days", 3, "hours", 2));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.body().get("moved").asBoolean()).isTrue();
        Duration by = Duration.between(before, clock.instant());
        assertThat(by).isBetween(Duration.ofHours(74), Duration.ofHours(74).plusMinutes(1));

        assertThat(post("admin", "/api/admin/clock/advance", Map.of("days", 0)).code()).isEqualTo("CLOCK_NOT_FORWARD");
        assertThat(post("admin", "/api/admin/clock/advance", Map.of("days", -2)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("lead", "/api/admin/clock/advance", Map.of("days", 1)).status()).isEqualTo(403);
        assertThat(Duration.between(before, clock.instant())).isLessThan(Duration.ofHours(75));
    }
}
