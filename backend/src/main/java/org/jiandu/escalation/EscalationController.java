package org.jiandu.escalation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jiandu.clue.ClueProposal;
import org.jiandu.identity.AnyUser;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The lead's 督办 decisions, and the public notices recorded on an agency. */
@RestController
@RequestMapping("/api")
class EscalationController {

    private final EscalationService service;
    private final SuperviseDecisions decisions;

    EscalationController(EscalationService service, SuperviseDecisions decisions) {
        this.service = service;
        this.decisions = decisions;
    }

    @PostMapping("/escalations/{taskId}/decision")
    @Roles(Role.LEAD)
    SuperviseDecisions.DecisionOutcome decide(@PathVariable String taskId, @Valid @RequestBody Decision decision,
                                              @AuthenticationPrincipal CurrentUser user) {
        return decisions.decide(taskId, user, decision.publicNotice(), decision.clueProposal(), decision.reason(), decision.clue());
    }

    @GetMapping("/agencies/{code}/public-notices")
    @AnyUser
    List<PublicNotice> publicNotices(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
        boolean own = user.org().code().equals(code);
        boolean internal = user.roles().stream().anyMatch(Role::internal);
        if (!own && !internal) {
            throw ApiException.notFound("AGENCY_NOT_FOUND", "单位不存在。");
        }
        return service.publicNoticesOf(code);
    }

    /** The 督办 decision; {@code clue} (category, facts, persons involved) proposes the decided transfer at once. */
    record Decision(@NotNull Boolean publicNotice, @NotNull Boolean clueProposal, @NotBlank String reason,
                    @Valid ClueProposal clue) {
    }
}
