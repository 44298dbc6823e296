package org.jiandu.letter;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.jiandu.escalation.LadderTestSupport.at;
import static org.jiandu.escalation.LadderTestSupport.clock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jiandu.ProcessTestSupport;
import org.jiandu.escalation.LadderTestSupport;
import org.jiandu.rectification.NewRectifications;
import org.jiandu.rectification.RectificationSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of supervision-letter, timers fired by moving the engine clock. */
class LetterProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestSupport.engine();

    /** Monday 2 March 2026, 10:00. */
    static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 10, 0);
    /** The reply term the test's receipt sets: Friday 17 April 2026, end of day. */
    static final Date REPLY_DUE = at(LocalDateTime.of(2026, 4, 17, 23, 59, 59));

    LetterSteps letterSteps = mock(LetterSteps.class);
    LetterIssuing letterIssuing = mock(LetterIssuing.class);
    RectificationSteps rectificationSteps = mock(RectificationSteps.class);
    NewRectifications newRectifications = mock(NewRectifications.class);
    LadderTestSupport.Ladder ladder;

    @BeforeEach
    void setUp() {
        ProcessTestSupport.init(engine.getProcessEngine());
        ladder = LadderTestSupport.register();
        clock(START);
        Mocks.register("letterSteps", letterSteps);
        Mocks.register("letterIssuing", letterIssuing);
        Mocks.register("rectificationSteps", rectificationSteps);
        Mocks.register("newRectifications", newRectifications);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("supervision-letter", "JY-2026-000001",
                Map.of("letterId", 1L, "agencyCode", "SCJ", "rectificationRequired", false));
    }

    /** Draft, legal review, signing and receipt: the letter waits for the agency's reply. */
    ProcessInstance servedAndReceived(ProcessInstance pi) {
        complete(task("Task_DraftLetter", pi), withVariables("rectificationRequired", false));
        complete(task("Task_LegalReview", pi), withVariables("legalPassed", true));
        complete(task("Task_SignLetter", pi), withVariables("signed", true));
        assertThat(pi).isWaitingAt("Task_ReceiveLetter");
        assertThat(task(pi)).hasCandidateGroup("org-SCJ");
        complete(task("Task_ReceiveLetter", pi), withVariables("replyDue", REPLY_DUE));
        assertThat(pi).isWaitingAt("Task_ReplyLetter");
        assertThat(task("Task_ReplyLetter", pi)).hasCandidateGroup("org-SCJ").hasDueDate(REPLY_DUE);
        return pi;
    }

    @Test
    @Deployment(resources = "processes/supervision-letter.bpmn")
    void replyInTimeAccepted() throws Exception {
        ProcessInstance pi = servedAndReceived(start());
        complete(task("Task_ReplyLetter", pi));
        complete(task("Task_ReviewReply", pi), withVariables("replyAccepted", true));
        assertThat(pi).isEnded().hasPassedInOrder("Task_DraftLetter", "Task_LegalReview", "Task_SignLetter",
                "Service_IssueLetter", "Task_ReceiveLetter", "Task_ReplyLetter", "Task_ReviewReply", "End_LetterClosed");
        assertThat(pi).hasNotPassed("Service_ReplyLetterReminderNotice", "CallActivity_Rectification");
        verify(letterIssuing).issue(any());
        verify(letterSteps).closed(any());
    }

    @Test
    @Deployment(resources = "processes/supervision-letter.bpmn")
    void legalReviewAndSigningReturnToTheDraft() {
        ProcessInstance pi = start();
        complete(task("Task_DraftLetter", pi), withVariables("rectificationRequired", false));
        complete(task("Task_LegalReview", pi), withVariables("legalPassed", false));
        assertThat(pi).isWaitingAt("Task_DraftLetter");
        complete(task("Task_DraftLetter", pi), withVariables("rectificationRequired", false));
        complete(task("Task_LegalReview", pi), withVariables("legalPassed", true));
        complete(task("Task_SignLetter", pi), withVariables("signed", false));
        assertThat(pi).isWaitingAt("Task_DraftLetter").hasNotPassed("Service_IssueLetter");
    }

    @Test
    @Deployment(resources = "processes/supervision-letter.bpmn")
    void replyReturnedThenAccepted() {
        ProcessInstance pi = servedAndReceived(start());
        complete(task("Task_ReplyLetter", pi));
        complete(task("Task_ReviewReply", pi), withVariables("replyAccepted", false));
        assertThat(pi).isWaitingAt("Task_ReplyLetter");
        assertThat(task("Task_ReplyLetter", pi)).hasCandidateGroup("org-SCJ");
        complete(task("Task_ReplyLetter", pi));
        complete(task("Task_ReviewReply", pi), withVariables("replyAccepted", true));
        assertThat(pi).isEnded().hasPassedInOrder("Task_ReplyLetter", "Task_ReviewReply", "Task_ReplyLetter",
                "Task_ReviewReply", "End_LetterClosed");
    }

    @Test
    @Deployment(resources = "processes/supervision-letter.bpmn")
    void warningThenReminderThenReplyInGrace() throws Exception {
        ProcessInstance pi = servedAndReceived(start());
        // yellow: five working days before 17 April is 10 April, 09:00
        clock(LocalDateTime.of(2026, 4, 10, 9, 1));
        execute(job("Timer_ReplyLetterWarning", pi));
        verify(ladder.alerts()).warn(any(org.camunda.bpm.engine.delegate.DelegateExecution.class));
        clock(LocalDateTime.of(2026, 4, 18, 0, 1));
        execute(job("Timer_ReplyLetterDeadline", pi));
        verify(ladder.documents()).issueReminderNotice(any());
        assertThat(pi).isWaitingAt("Task_ReplyLetter").hasPassed("Service_ReplyLetterReminderNotice");
        // the agency replies within grace (five working days after 17 April: 24 April)
        clock(LocalDateTime.of(2026, 4, 22, 15, 0));
        complete(task("Task_ReplyLetter", pi));
        assertThat(pi).isWaitingAt("Task_ReviewReply").hasNotPassed("Task_ReplyLetterSupervise");
        complete(task("Task_ReviewReply", pi), withVariables("replyAccepted", true));
        assertThat(pi).isEnded();
    }

    @Test
    @Deployment(resources = "processes/supervision-letter.bpmn")
    void superviseWithoutPublicNotice() throws Exception {
        ProcessInstance pi = servedAndReceived(start());
        overdueBeyondGrace(pi);
        complete(task("Task_ReplyLetterSupervise", pi), withVariables("publicNotice", false, "clueProposal", true));
        assertThat(pi).hasPassed("End_ReplyLetterSupervised").hasNotPassed("Service_ReplyLetterPublicNotice");
        verify(ladder.documents(), never()).issuePublicNotice(any());
        assertThat(pi).isWaitingAt("Task_ReplyLetter");
    }

    @Test
    @Deployment(resources = "processes/supervision-letter.bpmn")
    void superviseWithPublicNotice() throws Exception {
        ProcessInstance pi = servedAndReceived(start());
        overdueBeyondGrace(pi);
        complete(task("Task_ReplyLetterSupervise", pi), withVariables("publicNotice", true, "clueProposal", false));
        assertThat(pi).hasPassedInOrder("Task_ReplyLetterSupervise", "Service_ReplyLetterPublicNotice",
                "End_ReplyLetterSupervised");
        verify(ladder.documents(), times(1)).issuePublicNotice(any());
        complete(task("Task_ReplyLetter", pi));
        complete(task("Task_ReviewReply", pi), withVariables("replyAccepted", true));
        assertThat(pi).isEnded();
    }

    @Test
    @Deployment(resources = {"processes/supervision-letter.bpmn", "processes/rectification-tracking.bpmn"})
    void acceptedReplyWithRectificationCallsRectificationTracking() throws Exception {
        ProcessInstance pi = start();
        complete(task("Task_DraftLetter", pi), withVariables("rectificationRequired", true));
        complete(task("Task_LegalReview", pi), withVariables("legalPassed", true));
        complete(task("Task_SignLetter", pi), withVariables("signed", true, "issuerCode", "SFJ"));
        complete(task("Task_ReceiveLetter", pi), withVariables("replyDue", REPLY_DUE));
        complete(task("Task_ReplyLetter", pi));
        runtimeService().setVariable(pi.getId(), "rectificationNo", "ZG-2026-000001");
        complete(task("Task_ReviewReply", pi), withVariables("replyAccepted", true));
        assertThat(pi).isWaitingAt("CallActivity_Rectification").hasPassed("Service_OpenRectification");
        ProcessInstance child = runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("ZG-2026-000001").singleResult();
        assertThat(child).isWaitingAt("Task_SubmitPlan");
        verify(newRectifications).open(any(org.camunda.bpm.engine.delegate.DelegateExecution.class));
    }

    private void overdueBeyondGrace(ProcessInstance pi) {
        clock(LocalDateTime.of(2026, 4, 18, 0, 1));
        execute(job("Timer_ReplyLetterWarning", pi));
        execute(job("Timer_ReplyLetterDeadline", pi));
        clock(LocalDateTime.of(2026, 4, 25, 0, 1));
        execute(job("Timer_ReplyLetterGraceEnd", pi));
        assertThat(pi).isWaitingAt("Task_ReplyLetter", "Task_ReplyLetterSupervise");
        assertThat(task("Task_ReplyLetterSupervise", pi)).hasCandidateGroup("lead");
    }
}
