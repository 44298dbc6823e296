package org.jiandu.trace;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jiandu.identity.AppUserMapper;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Jurisdictions;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may open which trace (what of it they are then shown is {@link TraceAudience}'s).
 *
 * <ul>
 *   <li>A record belongs to the organisation named by the process variable {@code agencyCode} of its root
 *   process; without it, to the organisation of the user who started that process; without either, to
 *   no organisation yet (a public intake not yet assigned).</li>
 *   <li>An agency user opens only records of their own organisation (else 404, as if it did not exist).</li>
 *   <li>Staff of a supervision body (clerk, supervisor, lead, legal reviewer, auditor) open records whose
 *   organisation lies in their jurisdiction: the subtree of the nearest government (人民政府) above their own
 *   organisation. A record of no organisation yet is opened by all such staff.</li>
 *   <li>A receiving body (纪委监委) opens a record only for a clue transferred to it.</li>
 * </ul>
 */
@Component
class TraceAccess {

    static final Set<Role> STAFF = EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER,
            Role.AUDITOR);

    private final OrgUnitMapper orgs;
    private final AppUserMapper users;
    private final Jurisdictions jurisdictions;

    TraceAccess(OrgUnitMapper orgs, AppUserMapper users, Jurisdictions jurisdictions) {
        this.orgs = orgs;
        this.users = users;
        this.jurisdictions = jurisdictions;
    }

    /** The organisation a record belongs to, see the class comment. */
    Optional<OrgUnit> owner(String agencyCode, String startUserId) {
        if (agencyCode != null && !agencyCode.isBlank()) {
            // an agency code that names no organisation belongs to nobody's jurisdiction
            return Optional.of(orgs.findByCode(agencyCode).orElse(new OrgUnit(null, agencyCode, agencyCode,
                    OrgKind.AGENCY, null, null, "/unknown/", null, false)));
        }
        if (startUserId != null) {
            return users.find(startUserId).flatMap(user -> orgs.findById(user.orgId()));
        }
        return Optional.empty();
    }

    /** Whether the record may be opened at all (else: 404, as if it did not exist). */
    boolean mayOpen(CurrentUser user, Optional<OrgUnit> owner) {
        if (user.has(Role.AGENCY)) {
            return owner.map(org -> org.code().equals(user.org().code())).orElse(false);
        }
        if (isStaff(user)) {
            return owner.map(org -> jurisdictions.of(user.org()).contains(org)).orElse(true);
        }
        return false;
    }

    /** Whether a user (by id) belongs to the reader's organisation: an addressee is shown only its own people. */
    boolean sameOrganisation(String userId, CurrentUser reader) {
        return users.find(userId).map(user -> user.orgId() == reader.org().id()).orElse(false);
    }

    private static boolean isStaff(CurrentUser user) {
        return user.hasAny(STAFF.toArray(Role[]::new));
    }
}
