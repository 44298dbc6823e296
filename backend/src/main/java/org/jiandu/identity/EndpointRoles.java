package org.jiandu.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jiandu.web.ApiException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * The role rule of one endpoint, as its controller declares it with {@link Roles} (on the class, the
 * method, or both: each is a gate the caller must pass) or {@link AnyUser} (no gate).
 */
record EndpointRoles(List<Roles> gates) {

    /** What {@code x-roles} says of an endpoint every logged-in user may use. */
    static final String ANY_USER = "*";

    /** The endpoint's rule, or empty if it declares none. */
    static Optional<EndpointRoles> of(HandlerMethod handler) {
        Roles onClass = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Roles.class);
        Roles onMethod = handler.getMethodAnnotation(Roles.class);
        List<Roles> gates = Stream.of(onClass, onMethod).filter(Objects::nonNull).toList();
        if (gates.isEmpty() && !declaresAnyUser(handler)) {
            return Optional.empty();
        }
        return Optional.of(new EndpointRoles(gates));
    }

    static boolean declaresAnyUser(HandlerMethod handler) {
        return handler.hasMethodAnnotation(AnyUser.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), AnyUser.class);
    }

    /** Why this caller may not use the endpoint, or empty if they may. */
    Optional<ApiException> refusal(CurrentUser user) {
        for (Roles gate : gates) {
            if (Arrays.stream(gate.value()).noneMatch(user::has)) {
                return Optional.of(gate.notFoundCode().isEmpty() ? forbidden()
                        : ApiException.notFound(gate.notFoundCode(), gate.notFoundMessage()));
            }
        }
        return Optional.empty();
    }

    /** The roles every gate admits, as their group ids, or {@code ["*"]} when there is no gate. */
    List<String> groupIds() {
        if (gates.isEmpty()) {
            return List.of(ANY_USER);
        }
        return Arrays.stream(Role.values())
                .filter(role -> gates.stream().allMatch(gate -> Arrays.asList(gate.value()).contains(role)))
                .map(Role::groupId).toList();
    }

    static ApiException forbidden() {
        return ApiException.forbidden("FORBIDDEN", "您没有执行此操作的权限。");
    }
}
