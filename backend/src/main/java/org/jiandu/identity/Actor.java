package org.jiandu.identity;

import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jiandu.audit.AuditActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who performs the current action, for the audit log: the logged-in user with their roles and
 * organisation and the client address, or the system itself (timers, start-up, public intake).
 */
public record Actor(String userId, String roles, String orgCode, String clientAddress) implements AuditActor {

    public static final String SYSTEM = "system";
    public static final String PUBLIC = "public";

    public static Optional<CurrentUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static Actor current() {
        String address = clientAddressOfRequest();
        return currentUser()
                .map(user -> new Actor(user.userId(),
                        user.roles().stream().map(Role::groupId).sorted().collect(Collectors.joining(",")),
                        user.org().code(), address))
                .orElseGet(() -> new Actor(address == null ? SYSTEM : PUBLIC, "", null, address));
    }

    private static String clientAddressOfRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
