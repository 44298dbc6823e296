package org.jiandu.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.jiandu.ProcessTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server-side rules of the complaint forms, as every completion path applies them. */
class ComplaintTaskRulesTest {

    private ComplaintTaskRules rules;

    @BeforeEach
    void setUp() {
        IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(identity.createUserQuery().userId("supervisor").memberOfGroup("supervisor").count()).thenReturn(1L);
        rules = new ComplaintTaskRules(identity, ProcessTestSupport.deadlines());
    }

    @Test
    void acceptanceReviewNeedsAKnownDecisionAndReasonsWhenNotAccepting() {
        assertThat(rules.check(ComplaintTaskStep.REVIEW_ACCEPTANCE, Map.of("acceptanceDecision", "ACCEPT"), false)
                .variables()).containsEntry("acceptanceDecision", "ACCEPT");
        assertCode(ComplaintTaskStep.REVIEW_ACCEPTANCE, Map.of(), false, "FIELD_REQUIRED");
        assertCode(ComplaintTaskStep.REVIEW_ACCEPTANCE, Map.of("acceptanceDecision", "LATER"), false, "VALUE_NOT_ALLOWED");
        assertCode(ComplaintTaskStep.REVIEW_ACCEPTANCE, Map.of("acceptanceDecision", "REJECT", "reason", "  "), false,
                "FIELD_REQUIRED");
        assertCode(ComplaintTaskStep.REVIEW_ACCEPTANCE, Map.of("acceptanceDecision", "HAND_OVER", "reason", "不属本机关"),
                false, "FIELD_REQUIRED");
        ComplaintTaskRules.Submission handOver = rules.check(ComplaintTaskStep.REVIEW_ACCEPTANCE,
                Map.of("acceptanceDecision", "HAND_OVER", "reason", "不属本机关", "competentAuthority", "市信访局"), false);
        assertThat(handOver.texts()).containsEntry("competentAuthority", "市信访局");
    }

    @Test
    void approvalsAcceptBooleansAndFormStringsAndNeedAReasonToRefuse() {
        assertThat(rules.check(ComplaintTaskStep.APPROVE_ACCEPTANCE, Map.of("acceptanceApproved", "true"), false)
                .variables()).containsEntry("acceptanceApproved", true);
        assertCode(ComplaintTaskStep.APPROVE_PROPOSAL, Map.of("proposalApproved", false), false, "FIELD_REQUIRED");
        assertThat(rules.check(ComplaintTaskStep.APPROVE_PROPOSAL,
                Map.of("proposalApproved", "false", "reason", "证据不足"), false).variables())
                .containsEntry("proposalApproved", false);
        assertCode(ComplaintTaskStep.APPROVE_EXTENSION, Map.of("extensionApproved", "yes"), false, "VALUE_NOT_ALLOWED");
    }

    @Test
    void investigationExtendsOnceWithinThePolicy() {
        Map<String, Object> extend = Map.of("investigationAction", "EXTEND", "extensionDays", 10, "reason", "需现场复核");
        assertThat(rules.check(ComplaintTaskStep.INVESTIGATE, extend, false).variables())
                .containsEntry("extensionDays", 10).containsEntry("investigationAction", "EXTEND");
        assertCode(ComplaintTaskStep.INVESTIGATE, extend, true, "EXTENSION_ALREADY_USED");
        assertCode(ComplaintTaskStep.INVESTIGATE, Map.of("investigationAction", "EXTEND", "extensionDays", 31,
                "reason", "x"), false, "EXTENSION_DAYS_INVALID");
        assertCode(ComplaintTaskStep.INVESTIGATE, Map.of("investigationAction", "PROPOSE", "proposal", "UNFOUNDED"),
                false, "FIELD_REQUIRED");
        assertCode(ComplaintTaskStep.INVESTIGATE, Map.of("investigationAction", "PROPOSE", "proposal", "WARNING",
                "findings", "x"), false, "VALUE_NOT_ALLOWED");
    }

    @Test
    void onlySupervisorsAreAssignedAndVisitsHaveAKnownOutcome() {
        assertThat(rules.check(ComplaintTaskStep.ASSIGN_SUPERVISOR, Map.of("supervisorId", "supervisor"), false)
                .variables()).containsEntry("supervisorId", "supervisor");
        assertCode(ComplaintTaskStep.ASSIGN_SUPERVISOR, Map.of("supervisorId", "clerk"), false, "NOT_A_SUPERVISOR");
        assertCode(ComplaintTaskStep.RETURN_VISIT, Map.of("satisfaction", "SO_SO"), false, "VALUE_NOT_ALLOWED");
        assertCode(ComplaintTaskStep.WRITE_REPLY, Map.of(), false, "FIELD_REQUIRED");
    }

    private void assertCode(ComplaintTaskStep step, Map<String, Object> submitted, boolean extended, String code) {
        assertThatThrownBy(() -> rules.check(step, submitted, extended))
                .isInstanceOf(ComplaintRuleViolation.class)
                .satisfies(e -> assertThat(((ComplaintRuleViolation) e).code()).isEqualTo(code));
    }
}
