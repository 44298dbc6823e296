package org.jiandu.clue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.Role;
import org.jiandu.web.ApiException;

/**
 * Need to know (DESIGN, clue-transfer): leads, legal reviewers and auditors see every clue; a supervisor
 * sees the clues they handle; a receiving body sees the clues transferred to it, from the lead's
 * approval on. Nobody else learns that a clue exists: every refusal is a 404.
 */
final class ClueAccess {

    static final Set<OrgKind> RECEIVING_KINDS = EnumSet.of(OrgKind.COMMISSION, OrgKind.PUBLIC_SECURITY,
            OrgKind.PROCURATORATE);

    private ClueAccess() {
    }

    /** The clues a user may see, or nothing at all (agencies, clerks, admins). */
    static Optional<ClueMapper.Scope> scopeOf(CurrentUser user) {
        if (user.has(Role.AGENCY)) {
            return Optional.empty();
        }
        if (user.hasAny(Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR)) {
            return Optional.of(ClueMapper.Scope.everything());
        }
        if (user.has(Role.SUPERVISOR)) {
            return Optional.of(ClueMapper.Scope.handledBy(user.userId()));
        }
        if (isReceivingBody(user)) {
            return Optional.of(ClueMapper.Scope.receivedBy(user.org().id()));
        }
        return Optional.empty();
    }

    static ClueMapper.Scope requireScope(CurrentUser user) {
        return scopeOf(user).orElseThrow(ClueAccess::notFound);
    }

    static boolean canSee(CurrentUser user, Clue clue) {
        return scopeOf(user).map(scope -> scope.all()
                || (scope.handler() != null && scope.handler().equals(clue.handler()))
                || (scope.receiverOrgId() != null && scope.receiverOrgId() == clue.targetOrgId() && clue.transferred()))
                .orElse(false);
    }

    static boolean isReceivingBody(CurrentUser user) {
        return !user.has(Role.AGENCY) && RECEIVING_KINDS.contains(user.org().kind());
    }

    static boolean isReceiverOf(CurrentUser user, Clue clue) {
        return isReceivingBody(user) && user.org().id() == clue.targetOrgId() && clue.transferred();
    }

    static boolean isHandlerOf(CurrentUser user, Clue clue) {
        return user.userId().equals(clue.handler());
    }

    /** The clue if the user may know of it; 404 otherwise. */
    static Clue visible(ClueMapper clues, long id, CurrentUser user) {
        requireScope(user);
        return clues.find(id).filter(clue -> canSee(user, clue)).orElseThrow(ClueAccess::notFound);
    }

    static ApiException notFound() {
        return ApiException.notFound("CLUE_NOT_FOUND", "问题线索不存在。");
    }
}
