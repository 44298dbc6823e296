package org.jiandu.letter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jiandu.identity.AppUserMapper;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Component;

/** The issuing body (发文机关) of a user's documents: the supervision body their organisation belongs to. */
@Component
public class Issuers {

    private final OrgUnitMapper orgs;
    private final AppUserMapper users;

    Issuers(OrgUnitMapper orgs, AppUserMapper users) {
        this.orgs = orgs;
        this.users = users;
    }

    public OrgUnit ofUser(String userId) {
        long orgId = users.find(userId).orElseThrow(() -> new IllegalStateException("Unknown user " + userId)).orgId();
        OrgUnit org = orgs.findById(orgId).orElseThrow();
        List<Long> path = new ArrayList<>();
        for (String id : org.treePath().split("/")) {
            if (!id.isBlank()) {
                path.add(Long.valueOf(id));
            }
        }
        Collections.reverse(path);
        for (Long id : path) {
            OrgUnit candidate = orgs.findById(id).orElseThrow();
            if (candidate.kind() == OrgKind.SUPERVISION_BODY) {
                return candidate;
            }
        }
        throw ApiException.conflict("NO_ISSUING_BODY", "您所在机构不属于任何执法监督机构，无法签发文书。");
    }
}
