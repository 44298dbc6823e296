package org.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Wrong passwords lock an account, but not for ever: anyone who knows a user id could otherwise keep it locked.
 * The lock ends by itself after {@code jiandu.login.lock-minutes}, says until when, an admin can end it earlier,
 * and both are audited. Time is moved with the engine clock, never waited for.
 */
class LoginLockTest extends IntegrationTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void tenWrongPasswordsLockTheAccountForFifteenMinutes() {
        String userId = account();
        lockOut(userId);

        Response locked = callWithPassword(HttpMethod.GET, userId, "right-pass-1", "/api/me", null);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(locked.body().get("detail").asText()).contains("临时锁定", "自动解除");
        assertThat(auditActions(userId)).contains("ACCOUNT_LOCKED");

        move(16);
        assertThat(callWithPassword(HttpMethod.GET, userId, "right-pass-1", "/api/me", null).status()).isEqualTo(200);
    }

    @Test
    void anAdminEndsALockEarly() {
        String userId = account();
        lockOut(userId);
        assertThat(callWithPassword(HttpMethod.GET, userId, "right-pass-1", "/api/me", null).code()).isEqualTo("ACCOUNT_LOCKED");

        assertThat(post("supervisor", "/api/admin/users/" + userId + "/unlock", null).status()).isEqualTo(403);
        Response unlocked = post("admin", "/api/admin/users/" + userId + "/unlock", null);
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(callWithPassword(HttpMethod.GET, userId, "right-pass-1", "/api/me", null).status()).isEqualTo(200);
        assertThat(auditActions(userId)).contains("ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED");
    }

    private String account() {
        String userId = "lock-" + System.nanoTime() % 10_000_000;
        Response created = post("admin", "/api/admin/users", Map.of("userId", userId, "displayName", "锁定测试",
                "password", "right-pass-1", "orgCode", "SCJ", "roles", List.of("agency")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return userId;
    }

    /** Ten wrong passwords, two minutes apart (past each growing delay). */
    private void lockOut(String userId) {
        ClockUtil.setCurrentTime(new Date());
        for (int attempt = 1; attempt <= 10; attempt++) {
            move(2);
            Response refused = callWithPassword(HttpMethod.GET, userId, "wrong-" + attempt, "/api/me", null);
            assertThat(refused.status()).isEqualTo(401);
        }
    }

    private static void move(int minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
    }

    private List<String> auditActions(String userId) {
        return jdbc.queryForList("SELECT action FROM audit_log WHERE record_type = 'USER' AND record_no = ?", String.class, userId);
    }
}
