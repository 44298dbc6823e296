package org.jiandu.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure, at every start and on every kind of database, that the role groups exist with the
 * engine authorizations that go with them (who may open Tasklist or Cockpit, who sees which process),
 * and that every organisation has its group. With {@code JIANDU_ADMIN_PASSWORD} set on an empty
 * database it also creates the first administrator.
 *
 * <p>Clue transfers are need-to-know: only leads, legal reviewers and auditors see all of them; a
 * supervisor or the receiving body sees a clue's tasks only as their assignee or candidate; admins not at all.
 */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    static final List<String> OPEN_PROCESSES = List.of(
            "complaint-handling", "supervision-case", "supervision-letter", "rectification-tracking");
    static final String CLUE_PROCESS = "clue-transfer";
    /** The member of camunda-admin: no organisation, so no login anywhere; see docs/SECURITY.md. */
    static final String BREAK_GLASS_USER = "jiandu-superuser";

    private static final Set<Role> INTERNAL = EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.LEAD,
            Role.LEGAL_REVIEWER, Role.AUDITOR);
    private static final List<String> ALL_PROCESSES = List.of(
            "complaint-handling", "supervision-case", "supervision-letter", "rectification-tracking", CLUE_PROCESS);
    /** Resources through which "*" would reach every process instance and task, clues included. */
    private static final Set<Resources> PROCESS_RESOURCES = EnumSet.of(Resources.PROCESS_DEFINITION,
            Resources.PROCESS_INSTANCE, Resources.TASK, Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final OrgUnitMapper orgs;
    private final OrgAdmin orgAdmin;
    private final UserAdmin userAdmin;
    private final String initialAdminPassword;

    AccessBootstrap(IdentityService identityService, AuthorizationService authorizationService, OrgUnitMapper orgs,
                    OrgAdmin orgAdmin, UserAdmin userAdmin,
                    @Value("${jiandu.admin.initial-password:}") String initialAdminPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.orgs = orgs;
        this.orgAdmin = orgAdmin;
        this.userAdmin = userAdmin;
        this.initialAdminPassword = initialAdminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            ensureRoleGroup(role);
        }
        orgs.findAll().forEach(org -> orgAdmin.ensureGroup(org.groupId(), org.name()));
        ensureWebappAdmins();
        grantAuthorizations();
        createFirstAdmin();
    }

    private void ensureRoleGroup(Role role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
            Group group = identityService.newGroup(role.groupId());
            group.setName(role.label());
            group.setType(UserDirectory.ROLE_GROUP_TYPE);
            identityService.saveGroup(group);
        }
    }

    /**
     * {@code camunda-admin} is Camunda's superuser group, which no authorization check stops. Our {@code admin}
     * role is not in it (admins hold the grants below, which leave clues out; memberships earlier versions made
     * are removed); its one member is the break-glass account {@value #BREAK_GLASS_USER}.
     */
    private void ensureWebappAdmins() {
        if (identityService.createGroupQuery().groupId(UserAdmin.WEBAPP_ADMIN_GROUP).count() == 0) {
            Group group = identityService.newGroup(UserAdmin.WEBAPP_ADMIN_GROUP);
            group.setName("Camunda 超级管理员（应急）");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        for (var admin : identityService.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).list()) {
            if (identityService.createUserQuery().userId(admin.getId()).memberOfGroup(UserAdmin.WEBAPP_ADMIN_GROUP)
                    .count() > 0) {
                identityService.deleteMembership(admin.getId(), UserAdmin.WEBAPP_ADMIN_GROUP);
            }
        }
        // The webapps offer their first-start wizard while camunda-admin has no member. Its member is this account,
        // which has no row in app_user and so can log in nowhere (JianduIdentityProvider) until an operator gives it one.
        if (identityService.createUserQuery().memberOfGroup(UserAdmin.WEBAPP_ADMIN_GROUP).count() == 0) {
            if (identityService.createUserQuery().userId(BREAK_GLASS_USER).count() == 0) {
                var user = identityService.newUser(BREAK_GLASS_USER);
                user.setFirstName("应急超级管理员（默认不可登录）");
                user.setLastName("");
                user.setPassword(java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
                identityService.saveUser(user);
            }
            identityService.createMembership(BREAK_GLASS_USER, UserAdmin.WEBAPP_ADMIN_GROUP);
        }
    }

    /**
     * Least privilege: people work their own tasks (the engine gives an assignee or candidate {@code TASK_WORK}
     * on the task, see {@code security.EngineLockdown}); nobody but the feature services starts a process,
     * saves a Tasklist filter or changes a variable. Grants earlier versions made and that
     * this one no longer gives are taken back at start.
     */
    private void grantAuthorizations() {
        for (Resources resource : Resources.values()) {
            grant("camunda-admin", resource, "*", Permissions.ALL);
            if (PROCESS_RESOURCES.contains(resource)) {
                revokeAll(Role.ADMIN.groupId(), resource, "*");
            } else {
                grant(Role.ADMIN.groupId(), resource, "*", Permissions.ALL);
            }
        }
        // admins operate the open processes (Cockpit: incidents, retries, migration), never clue transfers
        for (String process : OPEN_PROCESSES) {
            grant(Role.ADMIN.groupId(), Resources.PROCESS_DEFINITION, process, Permissions.ALL);
        }
        for (Role role : Role.values()) {
            String group = role.groupId();
            if (role != Role.INTEGRATION) {
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            }
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
            // names of assignees and colleagues (listing every account is refused at the doors, see security.EngineDoors)
            grant(group, Resources.USER, "*", Permissions.READ);
            if (role != Role.ADMIN) {
                revoke(group, Resources.FILTER, "*", Permissions.CREATE);
                revoke(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
                for (String process : ALL_PROCESSES) {
                    revoke(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.CREATE_INSTANCE);
                }
            }
        }
        for (Role role : INTERNAL) {
            grant(role.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            for (String process : OPEN_PROCESSES) {
                grant(role.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK);
            }
        }
        for (Role role : EnumSet.of(Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR)) {
            grant(role.groupId(), Resources.PROCESS_DEFINITION, CLUE_PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
        }
        // integration accounts read the open processes through /engine-rest; they write through /api
        for (String process : OPEN_PROCESSES) {
            grant(Role.INTEGRATION.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        }
        downgradeTaskGrants();
    }

    /** Task grants made before {@code TASK_WORK} became the default carried {@code UPDATE}: narrow them. */
    private void downgradeTaskGrants() {
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            if ("*".equals(authorization.getResourceId()) || "camunda-admin".equals(authorization.getGroupId())) {
                continue;
            }
            authorization.removePermission(Permissions.UPDATE);
            authorization.addPermission(Permissions.TASK_WORK);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = find(groupId, resource, resourceId);
        if (existing == null) {
            return;
        }
        boolean changed = false;
        for (Permission permission : permissions) {
            if (existing.isPermissionGranted(permission)) {
                existing.removePermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(existing);
        }
    }

    private void revokeAll(String groupId, Resource resource, String resourceId) {
        Authorization existing = find(groupId, resource, resourceId);
        if (existing != null) {
            authorizationService.deleteAuthorization(existing.getId());
        }
    }

    private Authorization find(String groupId, Resource resource, String resourceId) {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = find(groupId, resource, resourceId);
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        boolean changed = existing == null;
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void createFirstAdmin() {
        if (initialAdminPassword.isBlank() || identityService.createUserQuery().userId("admin").count() > 0) {
            return;
        }
        if (orgs.findByCode("ROOT").isEmpty()) {
            orgAdmin.create(new OrgAdmin.NewOrg("ROOT", "行政执法监督机构", OrgKind.SUPERVISION_BODY, AdminLevel.CITY,
                    null, null));
        }
        userAdmin.create(new UserAdmin.NewUser("admin", "系统管理员", initialAdminPassword, "ROOT", EnumSet.of(Role.ADMIN)));
        log.info("Created the first administrator 'admin' in organisation ROOT; rename ROOT through /api/admin/orgs.");
    }
}
