package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jiandu.identity.Actor;
import org.jiandu.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordFollowUp}}: the approved 立案 / 建议书 / 移送 proposal is recorded and set going
 * ({@link ComplaintFollowUps}), on behalf of the lead who approved it, through our API or in Tasklist.
 */
@Component("recordFollowUp")
class RecordFollowUp implements JavaDelegate {

    private final ComplaintFollowUps followUps;
    private final ComplaintOfProcess complaint;

    RecordFollowUp(ComplaintFollowUps followUps, ComplaintOfProcess complaint) {
        this.followUps = followUps;
        this.complaint = complaint;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication engineUser = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String approvedBy = Actor.currentUser().map(CurrentUser::userId)
                .orElse(engineUser != null ? engineUser.getUserId() : Actor.SYSTEM);
        followUps.approved(complaint.of(execution),
                (String) execution.getVariable(PROPOSAL), approvedBy);
    }
}
