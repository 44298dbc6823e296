package org.jiandu.rectification;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of rectification-tracking, timers fired by moving the engine clock. */
@Deployment(resources = "processes/rectification-tracking.bpmn")
class RectificationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestSupport.engine();

    /** Monday 2 March 2026, 10:00. */
    static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 10, 0);
    /** The plan is due on Friday 20 March 2026. */
    static final Date PLAN_DUE = at(LocalDateTime.of(2026, 3, 20, 23, 59, 59));
    /** The plan's completion date: Thursday 30 April 2026. */
    static final Date COMPLETION_DUE = at(LocalDateTime.of(2026, 4, 30, 23, 59, 59));

    RectificationSteps rectificationSteps = mock(RectificationSteps.class);
    LadderTestSupport.Ladder ladder;

    @BeforeEach
    void setUp() {
        ProcessTestSupport.init(engine.getProcessEngine());
        ladder = LadderTestSupport.register();
        clock(START);
        Mocks.register("rectificationSteps", rectificationSteps);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    ProcessInstance planned() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("rectification-tracking", "ZG-2026-000001",
                Map.of("rectificationId", 1L, "agencyCode", "SCJ", "issuerCode", "SFJ", "planDue", PLAN_DUE));
        assertThat(pi).isWaitingAt("Task_SubmitPlan");
        assertThat(task(pi)).hasCandidateGroup("org-SCJ").hasDueDate(PLAN_DUE);
        complete(task(pi), withVariables("reportCycleDays", 10, "completionDue", COMPLETION_DUE));
        assertThat(pi).isWaitingAt("Task_SubmitCompletion", "Task_ReportProgress");
        assertThat(task("Task_SubmitCompletion", pi)).hasDueDate(COMPLETION_DUE);
        // ten working days after Monday 2 March: Monday 16 March
        assertThat(task("Task_ReportProgress", pi)).hasDueDate(at(LocalDateTime.of(2026, 3, 16, 23, 59, 59)));
        return pi;
    }

    @Test
    void passed() throws Exception {
        ProcessInstance pi = planned();
        clock(LocalDateTime.of(2026, 3, 12, 10, 0));
        complete(task("Task_ReportProgress", pi));
        assertThat(pi).isWaitingAt("Task_SubmitCompletion", "Task_ReportProgress");
        complete(task("Task_SubmitCompletion", pi));
        assertThat(pi).isWaitingAt("Task_VerifyRectification");
        assertThat(task(pi)).hasCandidateGroup("supervisor");
        complete(task(pi), withVariables("verificationPassed", true));
        assertThat(pi).isEnded().hasPassedInOrder("Task_SubmitPlan", "Task_SubmitCompletion", "End_CompletionSubmitted",
                "Task_VerifyRectification", "End_RectificationClosed");
        verify(rectificationSteps).closed(any());
    }

    @Test
    void failedAndRedone() throws Exception {
        ProcessInstance pi = planned();
        complete(task("Task_SubmitCompletion", pi));
        complete(task("Task_VerifyRectification", pi), withVariables("verificationPassed", false,
                "completionDue", at(LocalDateTime.of(2026, 3, 30, 23, 59, 59))));
        assertThat(pi).isWaitingAt("Task_SubmitCompletion", "Task_ReportProgress");
        assertThat(task("Task_SubmitCompletion", pi)).hasDueDate(at(LocalDateTime.of(2026, 3, 30, 23, 59, 59)));
        complete(task("Task_SubmitCompletion", pi));
        complete(task("Task_VerifyRectification", pi), withVariables("verificationPassed", true));
        assertThat(pi).isEnded().hasPassedInOrder("Task_SubmitCompletion", "Task_VerifyRectification",
                "Task_SubmitCompletion", "Task_VerifyRectification", "End_RectificationClosed");
    }

    @Test
    void lateProgressReport() throws Exception {
        ProcessInstance pi = planned();
        clock(LocalDateTime.of(2026, 3, 17, 0, 1));
        execute(job("Timer_ProgressReportOverdue", pi));
        verify(rectificationSteps).progressReportOverdue(any());
        assertThat(pi).hasPassed("Service_ProgressReportOverdue")
                .isWaitingAt("Task_SubmitCompletion", "Task_ReportProgress");
        complete(task("Task_ReportProgress", pi));
        // the next cycle counts from the late report: ten working days after 17 March is 31 March
        assertThat(task("Task_ReportProgress", pi)).hasDueDate(at(LocalDateTime.of(2026, 3, 31, 23, 59, 59)));
    }

    @Test
    void latePlanIsRemindedThenSupervisedWithPublicNotice() throws Exception {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("rectification-tracking", "ZG-2026-000002",
                Map.of("rectificationId", 2L, "agencyCode", "SCJ", "issuerCode", "SFJ", "planDue", PLAN_DUE));
        clock(LocalDateTime.of(2026, 3, 21, 0, 1));
        execute(job("Timer_SubmitPlanWarning", pi));
        execute(job("Timer_SubmitPlanDeadline", pi));
        verify(ladder.documents()).issueReminderNotice(any());
        clock(LocalDateTime.of(2026, 3, 28, 0, 1));
        execute(job("Timer_SubmitPlanGraceEnd", pi));
        assertThat(pi).isWaitingAt("Task_SubmitPlan", "Task_SubmitPlanSupervise");
        complete(task("Task_SubmitPlanSupervise", pi), withVariables("publicNotice", true, "clueProposal", false));
        verify(ladder.documents(), times(1)).issuePublicNotice(any());
        assertThat(pi).hasPassed("Service_SubmitPlanPublicNotice").isWaitingAt("Task_SubmitPlan");
    }

    @Test
    void completionRemindedThenSubmittedInGrace() throws Exception {
        ProcessInstance pi = planned();
        clock(LocalDateTime.of(2026, 5, 1, 0, 1));
        execute(job("Timer_SubmitCompletionDeadline", pi));
        verify(ladder.documents()).issueReminderNotice(any());
        complete(task("Task_SubmitCompletion", pi));
        assertThat(pi).isWaitingAt("Task_VerifyRectification").hasNotPassed("Task_SubmitCompletionSupervise");
    }
}
