package org.jiandu.identity;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jiandu.audit.AuditLog;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.jiandu.web.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes user accounts. The account, password and roles live in Camunda's identity
 * tables, the organisation and the enabled flag in {@code app_user}; each change writes both and
 * its audit row in one transaction.
 */
@Service
public class UserAdmin {

    static final String RECORD_TYPE = "USER";
    /**
     * Camunda's own administrators' group. The webapps offer their first-start setup page (create an
     * administrator, no login) while it has no member, so every {@code admin} is also a member.
     */
    static final String WEBAPP_ADMIN_GROUP = "camunda-admin";

    private final IdentityService identityService;
    private final AppUserMapper users;
    private final OrgUnitMapper orgs;
    private final UserDirectory directory;
    private final IdentityEpoch epoch;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;
    private final Clock clock;

    UserAdmin(IdentityService identityService, AppUserMapper users, OrgUnitMapper orgs, UserDirectory directory,
              IdentityEpoch epoch, EngineAccess engineAccess, AuditLog auditLog, Clock clock) {
        this.identityService = identityService;
        this.users = users;
        this.orgs = orgs;
        this.directory = directory;
        this.epoch = epoch;
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record NewUser(String userId, String displayName, String password, String orgCode, Set<Role> roles) {
    }

    /** A user as the admin API shows it. */
    public record UserView(String userId, String displayName, String orgCode, String orgName, boolean enabled,
                           List<String> roles) {
    }

    @Transactional
    public UserView create(NewUser request) {
        if (users.find(request.userId()).isPresent() || directory.engineUser(request.userId()).isPresent()) {
            throw ApiException.conflict("USER_ID_TAKEN", "用户名 " + request.userId() + " 已被使用。");
        }
        OrgUnit org = activeOrg(request.orgCode());
        User user = identityService.newUser(request.userId());
        user.setFirstName(request.displayName());
        user.setLastName("");
        user.setPassword(request.password());
        identityService.saveUser(user);
        for (Role role : request.roles()) {
            identityService.createMembership(request.userId(), role.groupId());
        }
        identityService.createMembership(request.userId(), org.groupId());
        users.insert(new AppUser(request.userId(), request.displayName(), org.id(), true), now());
        epoch.changed();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("displayName", request.displayName());
        changes.put("org", org.code());
        changes.put("roles", roleIds(request.roles()));
        changes.put("enabled", true);
        auditLog.record(RECORD_TYPE, request.userId(), "USER_CREATED", changes);
        return view(request.userId());
    }

    @Transactional
    public UserView changeRoles(String userId, Set<Role> roles) {
        account(userId);
        Set<Role> before = directory.rolesOf(userId);
        for (Role role : before) {
            if (!roles.contains(role)) {
                identityService.deleteMembership(userId, role.groupId());
            }
        }
        for (Role role : roles) {
            if (!before.contains(role)) {
                identityService.createMembership(userId, role.groupId());
            }
        }
        auditLog.record(RECORD_TYPE, userId, "USER_ROLES_CHANGED",
                Map.of("roles", AuditLog.change(roleIds(before), roleIds(roles))));
        return view(userId);
    }

    @Transactional
    public UserView moveToOrg(String userId, String orgCode) {
        AppUser account = account(userId);
        OrgUnit target = activeOrg(orgCode);
        OrgUnit current = orgs.findById(account.orgId()).orElseThrow();
        if (current.id().equals(target.id())) {
            return view(userId);
        }
        identityService.deleteMembership(userId, current.groupId());
        identityService.createMembership(userId, target.groupId());
        users.updateOrg(userId, target.id(), now());
        epoch.changed();
        auditLog.record(RECORD_TYPE, userId, "USER_ORG_CHANGED",
                Map.of("org", AuditLog.change(current.code(), target.code())));
        return view(userId);
    }

    @Transactional
    public UserView setEnabled(String userId, boolean enabled) {
        AppUser account = account(userId);
        if (!enabled && Actor.currentUser().map(CurrentUser::userId).filter(userId::equals).isPresent()) {
            throw ApiException.conflict("CANNOT_DISABLE_SELF", "不能停用自己的账号。");
        }
        if (account.enabled() != enabled) {
            users.updateEnabled(userId, enabled, now());
            epoch.changed();
            auditLog.record(RECORD_TYPE, userId, enabled ? "USER_ENABLED" : "USER_DISABLED",
                    Map.of("enabled", AuditLog.change(account.enabled(), enabled)));
        }
        return view(userId);
    }

    @Transactional
    public UserView changeProfile(String userId, String displayName) {
        AppUser account = account(userId);
        User user = directory.engineUser(userId).orElseThrow();
        user.setFirstName(displayName);
        identityService.saveUser(user);
        users.updateName(userId, displayName, now());
        epoch.changed();
        auditLog.record(RECORD_TYPE, userId, "USER_PROFILE_CHANGED",
                Map.of("displayName", AuditLog.change(account.displayName(), displayName)));
        return view(userId);
    }

    @Transactional
    public void resetPassword(String userId, String password) {
        account(userId);
        User user = directory.engineUser(userId).orElseThrow();
        user.setPassword(password);
        identityService.saveUser(user);
        // a new password ends a lock after wrong ones; the engine lets only its own admins' group unlock, which
        // no request runs as (as in LoginLocks.unlock)
        engineAccess.withoutAuthorizationChecks(() -> identityService.unlockUser(userId));
        auditLog.record(RECORD_TYPE, userId, "USER_PASSWORD_RESET", Map.of());
    }

    @Transactional(readOnly = true)
    public UserView view(String userId) {
        AppUser account = account(userId);
        OrgUnit org = orgs.findById(account.orgId()).orElseThrow();
        return new UserView(userId, account.displayName(), org.code(), org.name(), account.enabled(),
                roleIds(directory.rolesOf(userId)));
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(String orgCode, int page, int size) {
        List<AppUserMapper.UserRow> rows = users.list(orgCode, Page.offset(page, size), size);
        Map<String, List<String>> roles = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (AppUserMapper.Membership membership : users.roleMemberships(
                    rows.stream().map(AppUserMapper.UserRow::userId).toList(), UserDirectory.ROLE_GROUP_TYPE)) {
                roles.computeIfAbsent(membership.userId(), id -> new ArrayList<>()).add(membership.groupId());
            }
        }
        List<UserView> items = rows.stream().map(row -> new UserView(row.userId(), row.displayName(), row.orgCode(),
                row.orgName(), row.enabled(), roles.getOrDefault(row.userId(), List.of()))).toList();
        return new Page<>(items, users.count(orgCode), page, size);
    }

    private AppUser account(String userId) {
        return users.find(userId).orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND", "用户 " + userId + " 不存在。"));
    }

    private OrgUnit activeOrg(String code) {
        OrgUnit org = orgs.findByCode(code).orElseThrow(() -> ApiException.badRequest("ORG_NOT_FOUND",
                "机构 " + code + " 不存在。"));
        if (!org.enabled()) {
            throw ApiException.badRequest("ORG_DISABLED", "机构 " + code + " 已停用。");
        }
        return org;
    }

    private static List<String> roleIds(Set<Role> roles) {
        return roles.stream().map(Role::groupId).sorted().collect(Collectors.toList());
    }

    static Set<Role> parseRoles(List<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : ids) {
            roles.add(Role.ofGroupId(id).orElseThrow(() -> ApiException.badRequest("UNKNOWN_ROLE",
                    "未知角色 " + id + "。可用角色：clerk, supervisor, lead, legal-reviewer, agency, discipline, auditor, admin。")));
        }
        return roles;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
