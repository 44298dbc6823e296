package org.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.jiandu.WebappSession;
import org.junit.jupiter.api.Test;

/** A Tasklist session ends at its next request once an admin disables the account (security.DisabledAccounts). */
class DisabledAccountSessionTest extends IntegrationTest {

    @Test
    void aDisabledAccountsWebappSessionEndsAtItsNextRequest() throws Exception {
        String user = "ds" + Long.toString(System.nanoTime(), 36);
        assertThat(post("admin", "/api/admin/users", Map.of("userId", user, "displayName", "停用测试员",
                "password", "long-enough-1", "orgCode", "SFJ-JDK", "roles", List.of("supervisor"))).status()).isEqualTo(201);
        WebappSession tasklist = WebappSession.login(port, user, "long-enough-1");
        assertThat(tasklist.engine("GET", "task?maxResults=1", null).status()).isEqualTo(200);

        assertThat(post("admin", "/api/admin/users/" + user + "/disable", null).status()).isEqualTo(200);
        WebappSession.Answer refused = tasklist.engine("GET", "task?maxResults=1", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("ACCOUNT_DISABLED");
        // the session is gone: enabling the account again does not bring it back
        assertThat(post("admin", "/api/admin/users/" + user + "/enable", null).status()).isEqualTo(200);
        assertThat(tasklist.engine("GET", "task?maxResults=1", null).status()).isIn(401, 403);
    }
}
