package org.jiandu.workflow;

import java.util.List;
import java.util.stream.Collectors;

import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.Role;

/**
 * Who works a step, as the diagram assigns it: the members of candidate roles, the members of the organisation a
 * process variable names ({@code org-${agencyCode}}), or the user a process variable names ({@code ${handler}}).
 * The variables are set by our services from the record, never by a person's submission.
 */
public record Workers(List<Role> roles, String orgVariable, String assigneeVariable) {

    public static Workers roles(Role... roles) {
        return new Workers(List.of(roles), null, null);
    }

    /** The staff of the organisation whose code the variable holds (an agency, a receiving body). */
    public static Workers orgOf(String variable) {
        return new Workers(List.of(), variable, null);
    }

    /** The one user the variable names. */
    public static Workers assignee(String variable) {
        return new Workers(List.of(), null, variable);
    }

    /** The diagram's {@code camunda:candidateGroups}, or null when the step has an assignee. */
    public String candidateGroupsExpression() {
        if (orgVariable != null) {
            return OrgUnit.groupIdOf("${" + orgVariable + "}");
        }
        return roles.isEmpty() ? null : roles.stream().map(Role::groupId).collect(Collectors.joining(","));
    }

    /** The diagram's {@code camunda:assignee}, or null when the step goes to candidates. */
    public String assigneeExpression() {
        return assigneeVariable == null ? null : "${" + assigneeVariable + "}";
    }
}
