package org.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jiandu.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/** The role rule read from a controller's annotations, and the start-up check that every /api endpoint has one. */
class EndpointRolesTest {

    @Roles(value = {Role.SUPERVISOR, Role.LEAD, Role.DISCIPLINE}, notFoundCode = "THING_NOT_FOUND",
            notFoundMessage = "不存在。")
    static class SecretThings {
        void list() {
        }

        @Roles(Role.LEAD)
        void approve() {
        }
    }

    @AnyUser
    static class OpenThings {
        void read() {
        }

        @Roles(Role.ADMIN)
        void change() {
        }
    }

    static class ForgottenThings {
        void anything() {
        }
    }

    static class MethodLevelThings {
        @AnyUser
        void read() {
        }
    }

    /** Contradictory: the class is for admins only, the method claims to be for everyone. */
    @Roles(Role.ADMIN)
    static class AdminThings {
        @AnyUser
        void read() {
        }
    }

    @Test
    void classAndMethodAreBothGates() {
        EndpointRoles approve = rule(SecretThings.class, "approve");
        assertThat(approve.groupIds()).containsExactly("lead");
        assertThat(approve.refusal(user(Role.LEAD))).isEmpty();
        // a supervisor knows of such things but may not approve them: 403
        assertThat(approve.refusal(user(Role.SUPERVISOR))).get().extracting(ApiException::status)
                .isEqualTo(HttpStatus.FORBIDDEN);
        // an agency must not learn that they exist: 404, as for one that does not
        ApiException hidden = approve.refusal(user(Role.AGENCY)).orElseThrow();
        assertThat(hidden.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hidden.code()).isEqualTo("THING_NOT_FOUND");

        EndpointRoles list = rule(SecretThings.class, "list");
        assertThat(list.groupIds()).containsExactly("supervisor", "lead", "discipline");
        assertThat(list.refusal(user(Role.DISCIPLINE))).isEmpty();
    }

    @Test
    void anyUserIsStatedAsAStar() {
        assertThat(rule(OpenThings.class, "read").groupIds()).containsExactly("*");
        assertThat(rule(OpenThings.class, "read").refusal(user(Role.AGENCY))).isEmpty();
        assertThat(rule(OpenThings.class, "change").groupIds()).containsExactly("admin");
        assertThat(rule(OpenThings.class, "change").refusal(user(Role.AUDITOR)).orElseThrow().code())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void anApiEndpointWithoutARuleIsNamedAtStartUp() {
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        handlers.put(RequestMappingInfo.paths("/api/things").build(), handler(OpenThings.class, "read"));
        handlers.put(RequestMappingInfo.paths("/api/forgotten").build(), handler(ForgottenThings.class, "anything"));
        handlers.put(RequestMappingInfo.paths("/api/admin-things").build(), handler(AdminThings.class, "read"));
        handlers.put(RequestMappingInfo.paths("/api/public/forms").build(), handler(ForgottenThings.class, "anything"));
        handlers.put(RequestMappingInfo.paths("/camunda/app").build(), handler(ForgottenThings.class, "anything"));
        handlers.put(RequestMappingInfo.paths("/api/method-level").build(), handler(MethodLevelThings.class, "read"));
        assertThat(RoleCheckConfiguration.undeclared(handlers)).hasSize(2)
                .anyMatch(line -> line.contains("/api/forgotten"))
                .anyMatch(line -> line.contains("/api/admin-things"));
    }

    private static EndpointRoles rule(Class<?> type, String method) {
        return EndpointRoles.of(handler(type, method)).orElseThrow();
    }

    private static HandlerMethod handler(Class<?> type, String method) {
        try {
            return new HandlerMethod(type.getDeclaredConstructor().newInstance(), type.getDeclaredMethod(method));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CurrentUser user(Role role) {
        return new CurrentUser("someone", "某人", null, Set.of(role));
    }
}
