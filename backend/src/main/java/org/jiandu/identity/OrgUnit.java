package org.jiandu.identity;

/** A node of the organisation tree. {@code treePath} lists the ids from the root: {@code /1/4/9/}. */
public record OrgUnit(Long id, String code, String name, OrgKind kind, AdminLevel adminLevel, Long parentId,
                      String treePath, String docAbbr, boolean enabled) {

    /** The Camunda group whose members are this organisation's users (candidate group of its tasks). */
    public String groupId() {
        return groupIdOf(code);
    }

    public static String groupIdOf(String orgCode) {
        return "org-" + orgCode;
    }

    public boolean contains(OrgUnit other) {
        return other.treePath().startsWith(treePath);
    }
}
