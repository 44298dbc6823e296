package org.jiandu.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.jiandu.identity.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared Tasklist filters every role sees in the browser: 全部待办 (what I can act on, the default), 我的待办
 * (assigned to me), 组待办 (my groups' unclaimed tasks) and 逾期 (overdue tasks that are mine or my groups'). Created once, found by name at every
 * start, made readable by the role groups, and narrowed to the user who runs them by {@link ScopedFilterService}.
 */
@Component
@Order(5)
class TasklistFilters implements ApplicationRunner {

    static final String ACTIONABLE = "全部待办";
    static final String MINE = "我的待办";
    static final String GROUP = "组待办";
    static final String OVERDUE = "逾期";
    /** The process variables a task card shows: the agency's name (set with its code), not the code. */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(Map.of("name", "agencyName", "label", "执法部门"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensure(ACTIONABLE, -20, "我可以办理的任务：分配给我的，和我所在组可认领的", ScopedFilterService.ACTIONABLE);
        ensure(MINE, -10, "分配给我的任务", ScopedFilterService.MINE);
        ensure(GROUP, -5, "我所在组和本单位可认领的任务", ScopedFilterService.GROUP);
        ensure(OVERDUE, 0, "已超过办理期限的任务", ScopedFilterService.OVERDUE);
    }

    /**
     * A shared filter whose stored query is empty and whose scope property tells {@link ScopedFilterService} whom
     * to narrow it to. Filters of earlier versions held expressions, which stored queries may no longer hold:
     * they are rewritten.
     */
    private void ensure(String name, int priority, String description, String scope) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null || !scope.equals(filter.getProperties().get(ScopedFilterService.SCOPE))
                || !CARD_VARIABLES.equals(filter.getProperties().get("variables"))) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("priority", priority);
            properties.put("description", description);
            properties.put("refresh", true);
            properties.put("variables", CARD_VARIABLES);
            properties.put(ScopedFilterService.SCOPE, scope);
            filter = (filter == null ? filterService.newTaskFilter(name) : filter)
                    .setQuery(taskService.createTaskQuery().orderByDueDate().asc()).setProperties(properties);
            filterService.saveFilter(filter);
        }
        for (Role role : Role.values()) {
            grantRead(role.groupId(), filter.getId());
        }
    }

    private void grantRead(String groupId, String filterId) {
        boolean granted = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
        if (!granted) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
