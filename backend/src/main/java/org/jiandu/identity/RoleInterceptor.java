package org.jiandu.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a caller without the endpoint's roles ({@link Roles}) after the endpoint is found and before
 * anything of the request is read: no body is parsed, no parameter converted, nothing validated. An
 * endpoint that declares no rule is refused (the application does not start with one, see
 * {@link RoleCheckConfiguration}).
 */
class RoleInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            CurrentUser user = Actor.currentUser().orElseThrow(EndpointRoles::forbidden);
            EndpointRoles rule = EndpointRoles.of(method).orElseThrow(EndpointRoles::forbidden);
            rule.refusal(user).ifPresent(refusal -> {
                throw refusal;
            });
        }
        return true;
    }
}
