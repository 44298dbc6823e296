package org.jiandu.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Where a user's view of records ends: the subtree of the nearest government (人民政府) at or above their
 * organisation (a city's supervision body and its auditors see the city's agencies and the counties below
 * it); an organisation with no government above it sees the whole tree it belongs to.
 */
@Component
public class Jurisdictions {

    private final OrgUnitMapper orgs;

    Jurisdictions(OrgUnitMapper orgs) {
        this.orgs = orgs;
    }

    /** The organisation whose subtree is the jurisdiction of users of {@code org}. */
    public OrgUnit of(OrgUnit org) {
        List<Long> ids = new ArrayList<>();
        for (String part : org.treePath().split("/")) {
            if (!part.isBlank()) {
                ids.add(Long.parseLong(part));
            }
        }
        OrgUnit top = org;
        for (int i = ids.size() - 1; i >= 0; i--) {
            OrgUnit ancestor = ids.get(i).equals(org.id()) ? org : orgs.findById(ids.get(i)).orElse(null);
            if (ancestor == null) {
                continue;
            }
            if (ancestor.kind() == OrgKind.GOVERNMENT) {
                return ancestor;
            }
            top = ancestor;
        }
        return top;
    }

    /** Every organisation in the jurisdiction of users of {@code org}, the root first. */
    public List<OrgUnit> subtree(OrgUnit org) {
        return orgs.findSubtree(of(org).treePath());
    }
}
