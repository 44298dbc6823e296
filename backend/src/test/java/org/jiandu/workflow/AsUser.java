package org.jiandu.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.UserDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls in the current thread as a demo user, as a request of that user would. */
public final class AsUser {

    private final UserDirectory directory;
    private final IdentityService identityService;

    public AsUser(UserDirectory directory, IdentityService identityService) {
        this.directory = directory;
        this.identityService = identityService;
    }

    public CurrentUser user(String userId) {
        return directory.load(userId).orElseThrow();
    }

    public <T> T call(String userId, Supplier<T> work) {
        CurrentUser user = user(userId);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(role.groupId())).toList()));
        identityService.setAuthentication(user.userId(), user.engineGroups());
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }

    public void run(String userId, Runnable work) {
        call(userId, () -> {
            work.run();
            return null;
        });
    }
}
