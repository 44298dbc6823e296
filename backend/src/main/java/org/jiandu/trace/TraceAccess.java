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
 * Who may see which trace, and which of its entries (need-to-know).
 *
 * <ul>
 *   <li>A record belongs to the organisation named by the process variable {@code agencyCode} of its root
 *   process; without it, to the organisation of the user who started that process; without either, to
 *   no organisation yet (a public intake not yet assigned).</li>
 *   <li>An agency user sees only records of their own organisation, and never a complaint's handling (process
 *   {@code complaint-handling}, audit rows and documents of record type {@code COMPLAINT}), not even of a
 *   complaint about itself: the trace of a complaint about it shows the case, letters and rectifications that
 *   followed, without the complaint's own entries.</li>
 *   <li>Staff of a supervision body (clerk, supervisor, lead, legal reviewer, auditor) see records whose
 *   organisation lies in their jurisdiction: the subtree of the nearest government (人民政府) above their own
 *   organisation. A record of no organisation yet is seen by all such staff.</li>
 *   <li>Clue transfers (process {@code clue-transfer}, the processes it calls, audit rows and documents of
 *   record type {@code CLUE}) are seen by leads, legal reviewers and auditors, and otherwise only by the
 *   people involved in that clue (its starter, an assignee or candidate of one of its tasks), never by an
 *   agency user. A discipline liaison sees only the clues they are involved in.</li>
 * </ul>
 */
@Component
class TraceAccess {

    static final Set<Role> STAFF = EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER,
            Role.AUDITOR);
    static final Set<Role> ALL_CLUES = EnumSet.of(Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR);

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
