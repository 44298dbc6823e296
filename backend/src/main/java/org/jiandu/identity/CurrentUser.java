package org.jiandu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who is calling: the user, the organisation they belong to and their roles. Loaded once at login and
 * kept as the principal of the request.
 */
public record CurrentUser(String userId, String displayName, OrgUnit org, Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user works for the supervision body (holds one of its staff roles), not for a supervised agency. */
    public boolean internal() {
        return roles.stream().anyMatch(Role::internal);
    }

    /** Whether the user may see a record about this agency: staff any, an agency's liaison only its own agency's. */
    public boolean seesRecordsOf(String agencyCode) {
        return internal() || has(Role.AGENCY) && org.code().equals(agencyCode);
    }

    /**
     * The agency a list of agencies' records is narrowed to for this user: for staff the one they asked for (null:
     * every agency), for an agency's liaison always its own, whatever it asked for.
     */
    public String agencyScope(String asked) {
        return internal() ? asked : org.code();
    }

    /** Whether lists of agencies' records show this user nothing: neither staff nor an agency's liaison. */
    public boolean seesNoAgencyRecords() {
        return !internal() && !has(Role.AGENCY);
    }

    /** The Camunda groups of this user: the role groups and the organisation's group. */
    public List<String> engineGroups() {
        List<String> groups = new ArrayList<>();
        roles.forEach(role -> groups.add(role.groupId()));
        groups.add(org.groupId());
        return groups;
    }
}
