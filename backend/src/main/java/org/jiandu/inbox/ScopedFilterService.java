package org.jiandu.inbox;

import java.util.List;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The engine's filter service, with the shared Tasklist filters scoped to whoever runs them. Stored queries
 * may hold no expressions (a saved expression is code that runs on the server), so 我的待办 cannot say
 * {@code ${currentUser()}}; instead it carries the property {@value #SCOPE} and is narrowed here, at every
 * execution, to what the authenticated user can act on (their own and their groups' unclaimed tasks), their own
 * tasks, their groups' or their overdue tasks. Filters without the property run as
 * stored.
 */
final class ScopedFilterService extends FilterServiceImpl {

    static final String SCOPE = "jianduScope";
    static final String ACTIONABLE = "actionable";
    static final String MINE = "mine";
    static final String GROUP = "group";
    static final String OVERDUE = "overdue";

    private final ProcessEngineConfigurationImpl configuration;

    ScopedFilterService(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> List<T> list(String filterId) {
        return list(filterId, null);
    }

    @Override
    public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
        return super.list(filterId, scoped(filterId, extendingQuery));
    }

    @Override
    public <T> List<T> listPage(String filterId, int firstResult, int maxResults) {
        return listPage(filterId, null, firstResult, maxResults);
    }

    @Override
    public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult, int maxResults) {
        return super.listPage(filterId, scoped(filterId, extendingQuery), firstResult, maxResults);
    }

    @Override
    public <T> T singleResult(String filterId) {
        return singleResult(filterId, null);
    }

    @Override
    public <T, Q extends Query<?, T>> T singleResult(String filterId, Q extendingQuery) {
        return super.singleResult(filterId, scoped(filterId, extendingQuery));
    }

    @Override
    public Long count(String filterId) {
        return count(filterId, null);
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
        return super.count(filterId, scoped(filterId, extendingQuery));
    }

    @SuppressWarnings("unchecked")
    private <Q extends Query<?, ?>> Q scoped(String filterId, Q extendingQuery) {
        // read with each use, not remembered: a filter changed on another node holds here at once
        String scope = filterId == null ? "" : scopeOf(filterId);
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (scope.isEmpty() || user == null) {
            return extendingQuery;
        }
        TaskQuery query = extendingQuery instanceof TaskQuery extending ? extending : createTaskQuery();
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        switch (scope) {
            case ACTIONABLE -> query.or().taskAssignee(user.getUserId())
                    .taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups).endOr();
            case MINE -> query.taskAssignee(user.getUserId());
            case GROUP -> query.taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups).taskUnassigned();
            case OVERDUE -> query.dueBefore(ClockUtil.getCurrentTime()).or()
                    .taskAssignee(user.getUserId()).taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
                    .endOr();
            default -> { }
        }
        return (Q) query;
    }

    private TaskQuery createTaskQuery() {
        return configuration.getTaskService().createTaskQuery();
    }

    private String scopeOf(String filterId) {
        Filter filter = configuration.getFilterService().getFilter(filterId);
        Object scope = filter == null || filter.getProperties() == null ? null : filter.getProperties().get(SCOPE);
        return scope == null ? "" : scope.toString();
    }
}
