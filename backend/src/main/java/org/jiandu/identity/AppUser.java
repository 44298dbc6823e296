package org.jiandu.identity;

/** The business side of a user account: display name, organisation, whether it may log in. */
public record AppUser(String userId, String displayName, long orgId, boolean enabled) {
}
