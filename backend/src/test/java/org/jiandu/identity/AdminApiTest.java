package org.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AdminApiTest extends IntegrationTest {

    @Test
    void anAdminCreatesAnOrganisationAndAUserWhoCanWorkThere() {
        String code = "ORG" + System.nanoTime() % 100000;
        Response org = post("admin", "/api/admin/orgs", Map.of("code", code, "name", "测试县司法局", "kind", "SUPERVISION_BODY",
                "adminLevel", "COUNTY", "parentCode", "XIAN", "docAbbr", "测司监"));
        assertThat(org.status()).as(org.toString()).isEqualTo(201);
        assertThat(org.body().get("treePath").asText()).startsWith(get("admin", "/api/admin/orgs/XIAN").body().get("treePath").asText());

        String userId = "u" + System.nanoTime() % 1_000_000;
        Response user = post("admin", "/api/admin/users", Map.of("userId", userId, "displayName", "测试监督员",
                "password", "long-enough-1", "orgCode", code, "roles", List.of("supervisor", "auditor")));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        assertThat(user.body().get("roles").toString()).isEqualTo("[\"auditor\",\"supervisor\"]");

        Response me = callWithPassword(HttpMethod.GET, userId, "long-enough-1", "/api/me", null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("org").get("code").asText()).isEqualTo(code);
        assertThat(me.body().get("roles").findValuesAsText("id")).containsExactlyInAnyOrder("supervisor", "auditor");

        Response roles = put("admin", "/api/admin/users/" + userId + "/roles", Map.of("roles", List.of("lead")));
        assertThat(roles.status()).isEqualTo(200);
        assertThat(callWithPassword(HttpMethod.GET, userId, "long-enough-1", "/api/me", null).body().get("roles")
                .findValuesAsText("id")).containsExactly("lead");

        Response moved = put("admin", "/api/admin/users/" + userId + "/org", Map.of("orgCode", "SFJ-JDK"));
        assertThat(moved.body().get("orgCode").asText()).isEqualTo("SFJ-JDK");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? AND GROUP_ID_ = ?",
                Integer.class, userId, "org-SFJ-JDK")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? AND GROUP_ID_ = ?",
                Integer.class, userId, "org-" + code)).isZero();

        List<String> actions = jdbc.queryForList(
                "SELECT action FROM audit_log WHERE record_type = 'USER' AND record_no = ? ORDER BY seq_no", String.class, userId);
        assertThat(actions).containsExactly("USER_CREATED", "USER_ROLES_CHANGED", "USER_ORG_CHANGED");
    }

    @Test
    void badInputGivesAProblemAndWritesNothing() {
        String userId = "bad" + System.nanoTime() % 1_000_000;
        Map<String, Object> valid = new HashMap<>(Map.of("userId", userId, "displayName", "某人", "password", "long-enough-1",
                "orgCode", "SCJ", "roles", List.of("agency")));

        Map<String, Object> unknownRole = new HashMap<>(valid);
        unknownRole.put("roles", List.of("emperor"));
        assertThat(post("admin", "/api/admin/users", unknownRole).code()).isEqualTo("UNKNOWN_ROLE");

        Map<String, Object> unknownOrg = new HashMap<>(valid);
        unknownOrg.put("orgCode", "NOPE");
        assertThat(post("admin", "/api/admin/users", unknownOrg).code()).isEqualTo("ORG_NOT_FOUND");

        Map<String, Object> shortPassword = new HashMap<>(valid);
        shortPassword.put("password", "123");
        Response validation = post("admin", "/api/admin/users", shortPassword);
        assertThat(validation.status()).isEqualTo(400);
        assertThat(validation.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(validation.body().get("fields").has("password")).isTrue();

        Map<String, Object> missing = new HashMap<>(valid);
        missing.remove("displayName");
        assertThat(post("admin", "/api/admin/users", missing).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("admin", "/api/admin/users", "[1,2").code()).isEqualTo("MALFORMED_REQUEST");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE user_id = ?", Integer.class, userId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, userId)).isZero();

        assertThat(post("admin", "/api/admin/users", Map.of("userId", "lead", "displayName", "重名", "password", "long-enough-1",
                "orgCode", "SCJ", "roles", List.of("agency"))).code()).isEqualTo("USER_ID_TAKEN");
        assertThat(post("admin", "/api/admin/orgs", Map.of("code", "SCJ", "name", "重复", "kind", "AGENCY",
                "adminLevel", "CITY")).code()).isEqualTo("ORG_CODE_TAKEN");
        assertThat(post("admin", "/api/admin/orgs", Map.of("code", "NEW1", "name", "无上级", "kind", "AGENCY",
                "adminLevel", "CITY", "parentCode", "NOPE")).code()).isEqualTo("PARENT_ORG_NOT_FOUND");
        assertThat(post("admin", "/api/admin/orgs", Map.of("code", "new lower", "name", "x", "kind", "AGENCY",
                "adminLevel", "CITY")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("admin", "/api/admin/users/nobody/disable", null).status()).isEqualTo(404);
        assertThat(post("admin", "/api/admin/users/admin/disable", null).code()).isEqualTo("CANNOT_DISABLE_SELF");
        assertThat(get("admin", "/api/admin/orgs/NOPE").status()).isEqualTo(404);
    }

    @Test
    void staffSeeTheOrganisationsAnAgencyOnlyItself() {
        assertThat(get("supervisor", "/api/orgs").body().findValuesAsText("code")).contains("SCJ", "HBJ", "JW");
        assertThat(get("agency-scj", "/api/orgs").body().findValuesAsText("code")).containsExactly("SCJ");
    }
}
