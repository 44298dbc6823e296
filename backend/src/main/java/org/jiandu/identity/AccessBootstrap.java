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
 * supervisor or the receiving body sees a clue's tasks only as their assignee or candidate.
 */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    static final List<String> OPEN_PROCESSES = List.of(
            "complaint-handling", "supervision-case", "supervision-letter", "rectification-tracking");
    static final String CLUE_PROCESS = "clue-transfer";

    private static final Set<Role> INTERNAL = EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.LEAD,
            Role.LEGAL_REVIEWER, Role.AUDITOR);
    private static final Set<Role> STARTERS = EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER);

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

    /** Every member of the {@code admin} role is also in Camunda's {@code camunda-admin} group. */
    private void ensureWebappAdmins() {
        if (identityService.createGroupQuery().groupId(UserAdmin.WEBAPP_ADMIN_GROUP).count() == 0) {
            Group group = identityService.newGroup(UserAdmin.WEBAPP_ADMIN_GROUP);
            group.setName("Camunda 管理员");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        for (var admin : identityService.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).list()) {
            if (identityService.createUserQuery().userId(admin.getId()).memberOfGroup(UserAdmin.WEBAPP_ADMIN_GROUP)
                    .count() == 0) {
                identityService.createMembership(admin.getId(), UserAdmin.WEBAPP_ADMIN_GROUP);
            }
        }
    }

    private void grantAuthorizations() {
        // Engine administrators: the engine checks most single permissions against stored
        // authorizations, so admins hold ALL on every resource, as Camunda's own setup does.
        for (Resources resource : Resources.values()) {
            grant(Role.ADMIN.groupId(), resource, "*", Permissions.ALL);
            grant("camunda-admin", resource, "*", Permissions.ALL);
        }
        for (Role role : Role.values()) {
            String group = role.groupId();
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(group, Resources.FILTER, "*", Permissions.CREATE);
            grant(group, Resources.USER, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
        }
        for (Role role : INTERNAL) {
            grant(role.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            for (String process : OPEN_PROCESSES) {
                grant(role.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK);
            }
        }
        for (Role role : STARTERS) {
            grant(role.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            for (String process : OPEN_PROCESSES) {
                grant(role.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
        for (Role role : EnumSet.of(Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR)) {
            grant(role.groupId(), Resources.PROCESS_DEFINITION, CLUE_PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
        }
        for (Role role : EnumSet.of(Role.SUPERVISOR, Role.LEAD)) {
            grant(role.groupId(), Resources.PROCESS_DEFINITION, CLUE_PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
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
