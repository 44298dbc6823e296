package org.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiandu.IntegrationTest;
import org.jiandu.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A login this node accepted is used again without the password check and the profile's reads, and only until who the
 * user is changes: whatever the change, whichever door it came through, it ends the remembered login at once.
 */
class LoginCacheTest extends IntegrationTest {

    private static final String PASS = "right-pass-1";

    @Autowired
    IdentityService identityService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRememberedLoginCostsOneReadOfTheIdentityVersion() {
        String userId = account(List.of("supervisor"));
        assertThat(me(userId, PASS).status()).isEqualTo(200);

        // the fewest of a few calls: the job executor and the audit sealer count on other threads meanwhile
        long fewest = LongStream.range(0, 5).map(i -> {
            long before = StatementCounter.count();
            assertThat(me(userId, PASS).status()).isEqualTo(200);
            return StatementCounter.count() - before;
        }).min().orElseThrow();
        assertThat(fewest).isEqualTo(1);
    }

    @Test
    void aNewPasswordEndsTheRememberedOne() {
        String userId = account(List.of("supervisor"));
        assertThat(me(userId, PASS).status()).isEqualTo(200);

        Response reset = put("admin", "/api/admin/users/" + userId + "/password", Map.of("password", "new-pass-22"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(me(userId, PASS).status()).isEqualTo(401);
        // past the growing delay in which Camunda refuses every password after a wrong one
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 120_000));
        assertThat(me(userId, "new-pass-22").status()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsRefusedAtItsNextRequest() {
        String userId = account(List.of("supervisor"));
        assertThat(me(userId, PASS).status()).isEqualTo(200);

        assertThat(post("admin", "/api/admin/users/" + userId + "/disable", null).status()).isEqualTo(200);
        assertThat(me(userId, PASS).status()).isEqualTo(401);
    }

    @Test
    void changedRolesAndOrganisationShowAtTheNextRequest() {
        String userId = account(List.of("supervisor"));
        assertThat(me(userId, PASS).body().at("/roles/0/id").asText()).isEqualTo("supervisor");

        assertThat(put("admin", "/api/admin/users/" + userId + "/roles", Map.of("roles", List.of("auditor"))).status())
                .isEqualTo(200);
        assertThat(me(userId, PASS).body().at("/roles/0/id").asText()).isEqualTo("auditor");

        assertThat(put("admin", "/api/admin/users/" + userId + "/org", Map.of("orgCode", "SCJ")).status()).isEqualTo(200);
        Response moved = me(userId, PASS);
        assertThat(moved.body().at("/org/code").asText()).as(moved.toString()).isEqualTo("SCJ");
    }

    @Test
    void aChangeThroughTheEnginesOwnIdentityServiceEndsItToo() {
        // the Admin webapp and /engine-rest change users through the engine, not through our admin API
        String userId = account(List.of("supervisor"));
        assertThat(me(userId, PASS).status()).isEqualTo(200);

        identityService.deleteMembership(userId, Role.SUPERVISOR.groupId());
        assertThat(me(userId, PASS).body().get("roles")).isEmpty();

        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword("engine-set-33");
        identityService.saveUser(user);
        Response fresh = me(userId, "engine-set-33");
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(me(userId, PASS).status()).isEqualTo(401);
    }

    @Test
    void aChangeCommittedByAnotherNodeEndsIt() {
        // another node writes the change and raises the version in one transaction; this node learns it from the row
        String userId = account(List.of("supervisor"));
        assertThat(me(userId, PASS).status()).isEqualTo(200);

        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE user_id = ?", userId);
        assertThat(me(userId, PASS).status()).as("the version has not moved: still remembered").isEqualTo(200);
        jdbc.update("UPDATE identity_epoch SET epoch = epoch + 1 WHERE id = 1");
        assertThat(me(userId, PASS).status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsLockARememberedLoginToo() {
        String userId = account(List.of("supervisor"));
        assertThat(me(userId, PASS).status()).isEqualTo(200);

        Response wrong = me(userId, "wrong-pass-1");
        assertThat(wrong.status()).isEqualTo(401);
        // Camunda's growing delay after a wrong password holds for the right one as well, remembered or not
        assertThat(me(userId, PASS).status()).isEqualTo(401);
    }

    private Response me(String userId, String password) {
        return callWithPassword(HttpMethod.GET, userId, password, "/api/me", null);
    }

    private String account(List<String> roles) {
        String userId = "lc" + Long.toString(System.nanoTime(), 36);
        Response created = post("admin", "/api/admin/users", Map.of("userId", userId, "displayName", "缓存测试",
                "password", PASS, "orgCode", "SFJ-JDK", "roles", roles));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return userId;
    }
}
