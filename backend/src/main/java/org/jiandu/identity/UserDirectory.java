package org.jiandu.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads who a user is: account, organisation and roles. */
@Service
public class UserDirectory {

    public static final String ROLE_GROUP_TYPE = "WORKFLOW";
    public static final String ORG_GROUP_TYPE = "ORGANISATION";

    private final IdentityService identityService;
    private final AppUserMapper users;
    private final OrgUnitMapper orgs;

    UserDirectory(IdentityService identityService, AppUserMapper users, OrgUnitMapper orgs) {
        this.identityService = identityService;
        this.users = users;
        this.orgs = orgs;
    }

    /** The user as the rest of the application sees them, or empty if the account is unknown or has no organisation. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> load(String userId) {
        Optional<AppUser> account = users.find(userId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<OrgUnit> org = orgs.findById(account.get().orgId());
        if (org.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(userId, account.get().displayName(), org.get(), rolesOf(userId)));
    }

    public Set<Role> rolesOf(String userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Group group : identityService.createGroupQuery().groupMember(userId).groupType(ROLE_GROUP_TYPE).list()) {
            Role.ofGroupId(group.getId()).ifPresent(roles::add);
        }
        return roles;
    }

    public Optional<User> engineUser(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult());
    }

    /** A login: whether the password was accepted, and the user it is (empty: the account has no organisation). */
    public record Login(boolean passwordAccepted, Optional<CurrentUser> user) {
    }

    /**
     * Checks the password with Camunda (which refuses disabled accounts) and loads the user, in one transaction (they
     * were two: one commit more per API call). A wrong password's count is committed with it: nothing is thrown.
     */
    @Transactional
    public Login login(String userId, String password) {
        return checkPassword(userId, password) ? new Login(true, load(userId)) : new Login(false, Optional.empty());
    }

    public boolean checkPassword(String userId, String password) {
        return identityService.checkPassword(userId, password);
    }
}
