package org.jiandu.identity;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@AnyUser
class MeController {

    private final OrgUnitMapper orgs;

    MeController(OrgUnitMapper orgs) {
        this.orgs = orgs;
    }

    /** Who I am: account, organisation and roles. */
    @GetMapping("/me")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        OrgUnit org = user.org();
        return new Me(user.userId(), user.displayName(),
                new OrgView(org.code(), org.name(), org.kind(), org.adminLevel()),
                user.roles().stream().map(role -> new RoleView(role.groupId(), role.label())).toList());
    }

    /**
     * The organisations a user may pick from: staff of a supervision body see the whole tree, an
     * agency or a receiving body sees only itself.
     */
    @GetMapping("/orgs")
    @Transactional(readOnly = true)
    List<OrgView> orgs(@AuthenticationPrincipal CurrentUser user) {
        if (!user.hasAny(Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN)) {
            OrgUnit own = user.org();
            return List.of(new OrgView(own.code(), own.name(), own.kind(), own.adminLevel()));
        }
        return orgs.findAll().stream().filter(OrgUnit::enabled)
                .map(org -> new OrgView(org.code(), org.name(), org.kind(), org.adminLevel())).toList();
    }

    record Me(String userId, String displayName, OrgView org, List<RoleView> roles) {
    }

    record OrgView(String code, String name, OrgKind kind, AdminLevel adminLevel) {
    }

    record RoleView(String id, String label) {
    }
}
