package org.jiandu.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jiandu.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths through {@code complaint-handling}, on the engine alone: decisions as the forms submit them,
 * the real working-day calendar and deadline policies, timers fired by moving the engine clock.
 */
@Deployment(resources = "processes/complaint-handling.bpmn")
class ComplaintHandlingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestSupport.engine();

    /** Tuesday 29 September 2026, before the National Day holiday (1-7 October, 10 October worked). */
    private static final LocalDateTime START = LocalDateTime.of(2026, 9, 29, 10, 0);

    private ComplaintSteps steps;
    private JavaDelegate recordFollowUp;
    private JavaDelegate closeComplaint;
    private JavaDelegate remind;
    private JavaDelegate escalate;
    /** The complaint the process's business key names (a stand-in: the steps are mocked). */
    private final Complaint complaint = mock(Complaint.class);

    @BeforeEach
    void setUp() {
        ProcessTestSupport.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(START));
        steps = mock(ComplaintSteps.class);
        recordFollowUp = mock(JavaDelegate.class);
        closeComplaint = mock(JavaDelegate.class);
        remind = mock(JavaDelegate.class);
        escalate = mock(JavaDelegate.class);
        Mocks.register("complaintSteps", steps);
        Mocks.register("setInvestigationDeadline", new SetInvestigationDeadline(ProcessTestSupport.deadlines(), steps, execution -> complaint));
        Mocks.register("extendInvestigation", new ExtendInvestigation(ProcessTestSupport.deadlines(), steps, execution -> complaint));
        Mocks.register("reopenInvestigation", new ReopenInvestigation(steps, execution -> complaint));
        Mocks.register("recordFollowUp", recordFollowUp);
        Mocks.register("closeComplaint", closeComplaint);
        Mocks.register("remindComplaintTask", remind);
        Mocks.register("escalateComplaintTask", escalate);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void acceptedAndUnfoundedIsRepliedVisitedAndClosed() throws Exception {
        ProcessInstance pi = start(false);
        accept(pi);
        propose(pi, "UNFOUNDED");
        replyAndVisit(pi, "SATISFIED");

        assertThat(pi).isEnded().hasPassedInOrder("Task_ReviewAcceptance", "Task_ApproveAcceptance",
                "Task_AssignSupervisor", "Task_SetInvestigationDeadline", "Task_Investigate", "Task_ApproveProposal",
                "Task_WriteReply", "Task_ReturnVisit", "Task_CloseComplaint", "End_Closed");
        assertThat(pi).hasNotPassed("Task_RecordFollowUp", "Task_ReopenInvestigation");
        verify(recordFollowUp, never()).execute(any());
        verify(closeComplaint).execute(any());
    }

    @Test
    void notAcceptedEndsAfterTheLeadApproves() {
        ProcessInstance pi = start(false);
        assertThat(pi).isWaitingAt("Task_ReviewAcceptance");
        assertThat(task()).hasCandidateGroup("clerk").hasCandidateGroup("supervisor");
        complete(task(), withVariables("acceptanceDecision", "REJECT"));
        assertThat(task()).hasDefinitionKey("Task_ApproveAcceptance").hasCandidateGroup("lead");
        complete(task(), withVariables("acceptanceApproved", false));
        // the lead sent it back: reviewed again
        assertThat(pi).isWaitingAt("Task_ReviewAcceptance");
        complete(task(), withVariables("acceptanceDecision", "REJECT"));
        complete(task(), withVariables("acceptanceApproved", true));

        assertThat(pi).isEnded().hasPassed("End_NotAccepted").hasNotPassed("Task_AssignSupervisor", "End_Closed");
    }

    @Test
    void handedOverEndsAfterTheLeadApproves() {
        ProcessInstance pi = start(false);
        complete(task(), withVariables("acceptanceDecision", "HAND_OVER"));
        complete(task(), withVariables("acceptanceApproved", true));

        assertThat(pi).isEnded().hasPassedInOrder("Task_ReviewAcceptance", "Task_ApproveAcceptance", "End_HandedOver");
        assertThat(pi).hasNotPassed("Task_AssignSupervisor");
    }

    @Test
    void approvedExtensionMovesTheInvestigationDeadlineOnce() throws Exception {
        ProcessInstance pi = start(false);
        accept(pi);
        Date firstDue = task().getDueDate();
        // 30 working days from 29 September 2026, skipping 1-7 October and counting Saturday 10 October
        assertThat(firstDue).isEqualTo(endOf(LocalDate.of(2026, 11, 16)));

        complete(task(), withVariables("investigationAction", "EXTEND", "extensionDays", 10));
        assertThat(task()).hasDefinitionKey("Task_ApproveExtension").hasCandidateGroup("lead");
        complete(task(), withVariables("extensionApproved", true));

        assertThat(pi).hasPassed("Task_ExtendInvestigation").isWaitingAt("Task_Investigate");
        assertThat(task()).isAssignedTo("supervisor");
        assertThat(task().getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 11, 30)));
        assertThat(runtimeService().getVariable(pi.getId(), "extended")).isEqualTo(true);
        verify(steps).investigationDueSet(eq(complaint), eq(endOf(LocalDate.of(2026, 11, 30))), eq(true));

        // the timers of the new round follow the new due date
        Job overdue = timer(pi, "Timer_InvestigationOverdue");
        assertThat(overdue.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 11, 30)));
        assertThat(timer(pi, "Timer_InvestigationReminder").getDuedate())
                .isEqualTo(at(LocalDateTime.of(2026, 11, 26, 9, 0)));

        propose(pi, "UNFOUNDED");
        replyAndVisit(pi, "BASICALLY_SATISFIED");
        assertThat(pi).isEnded().hasPassed("End_Closed");
    }

    @Test
    void refusedExtensionKeepsTheDeadline() {
        ProcessInstance pi = start(false);
        accept(pi);
        Date due = task().getDueDate();
        complete(task(), withVariables("investigationAction", "EXTEND", "extensionDays", 10));
        complete(task(), withVariables("extensionApproved", false));

        assertThat(pi).isWaitingAt("Task_Investigate").hasNotPassed("Task_ExtendInvestigation");
        assertThat(task().getDueDate()).isEqualTo(due);
        verify(steps, never()).investigationDueSet(any(), any(), eq(true));
    }

    @Test
    void foundedAndRepliedNeedsNoFollowUp() throws Exception {
        ProcessInstance pi = start(false);
        accept(pi);
        propose(pi, "FOUNDED_REPLY");
        replyAndVisit(pi, "SATISFIED");
        assertThat(pi).isEnded().hasNotPassed("Task_RecordFollowUp").hasPassed("Task_WriteReply", "End_Closed");
    }

    @Test
    void supervisionCaseIsRecordedAndStillReplied() throws Exception {
        foundedWithFollowUp("SUPERVISION_CASE");
    }

    @Test
    void suggestionLetterIsRecordedAndStillReplied() throws Exception {
        foundedWithFollowUp("SUGGESTION_LETTER");
    }

    @Test
    void clueTransferIsRecordedAndStillReplied() throws Exception {
        foundedWithFollowUp("CLUE_TRANSFER");
    }

    @Test
    void returnedProposalGoesBackToTheInvestigation() {
        ProcessInstance pi = start(false);
        accept(pi);
        complete(task(), withVariables("investigationAction", "PROPOSE", "proposal", "UNFOUNDED"));
        complete(task(), withVariables("proposalApproved", false));
        assertThat(pi).isWaitingAt("Task_Investigate");
        assertThat(task()).isAssignedTo("supervisor");
    }

    @Test
    void unsatisfiedReopensTheInvestigationOnceThenCloses() throws Exception {
        ProcessInstance pi = start(false);
        accept(pi);
        propose(pi, "UNFOUNDED");
        replyAndVisit(pi, "UNSATISFIED");

        assertThat(pi).hasPassed("Task_ReopenInvestigation").isWaitingAt("Task_Investigate");
        assertThat(runtimeService().getVariable(pi.getId(), "reopenCount")).isEqualTo(1);
        verify(steps).reopened(complaint, 1);
        // the re-opened investigation gets a fresh deadline
        verify(steps, times(2)).investigationDueSet(eq(complaint), any(), eq(false));

        propose(pi, "FOUNDED_REPLY");
        replyAndVisit(pi, "UNSATISFIED");
        assertThat(pi).isEnded().hasPassed("End_Closed");
        verify(steps, times(1)).reopened(any(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void anonymousComplaintSkipsReplyAndReturnVisit() throws Exception {
        ProcessInstance pi = start(true);
        accept(pi);
        propose(pi, "SUGGESTION_LETTER");

        assertThat(pi).isEnded().hasPassed("Task_RecordFollowUp", "Task_CloseComplaint", "End_Closed")
                .hasNotPassed("Task_WriteReply", "Task_ReturnVisit");
    }

    @Test
    void acceptanceReminderAndOverdueEscalationFollowTheWorkingDayCalendar() throws Exception {
        ProcessInstance pi = start(false);
        // 5 working days from Tuesday 29 September 2026: 30 Sep, 8, 9, 10 (make-up Saturday), 12 October
        assertThat(task().getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 10, 12)));
        Job reminder = timer(pi, "Timer_AcceptanceReminder");
        Job overdue = timer(pi, "Timer_AcceptanceOverdue");
        assertThat(reminder.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 9, 9, 0)));
        assertThat(overdue.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 10, 12)));

        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 10, 9, 9, 1)));
        execute(reminder);
        assertThat(pi).hasPassed("Task_RemindAcceptance").isWaitingAt("Task_ReviewAcceptance");
        verify(remind).execute(any(DelegateExecution.class));
        verify(escalate, never()).execute(any());

        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 10, 13, 0, 1)));
        execute(overdue);
        assertThat(pi).hasPassed("Task_EscalateAcceptance", "End_AcceptanceEscalated").isWaitingAt("Task_ReviewAcceptance");
        verify(escalate).execute(any(DelegateExecution.class));
        // the step is still open: the overdue task can be done
        complete(task(), withVariables("acceptanceDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt("Task_ApproveAcceptance");
    }

    @Test
    void investigationReminderAndOverdueEscalation() throws Exception {
        ProcessInstance pi = start(false);
        accept(pi);
        Job reminder = timer(pi, "Timer_InvestigationReminder");
        Job overdue = timer(pi, "Timer_InvestigationOverdue");
        // due Monday 16 November 2026; reminder 2 working days before, at 09:00
        assertThat(reminder.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 11, 12, 9, 0)));
        assertThat(overdue.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 11, 16)));

        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 11, 12, 9, 0)));
        execute(reminder);
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 11, 17, 0, 0)));
        execute(overdue);

        assertThat(pi).hasPassed("Task_RemindInvestigation", "Task_EscalateInvestigation").isWaitingAt("Task_Investigate");
        verify(remind).execute(any(DelegateExecution.class));
        verify(escalate).execute(any(DelegateExecution.class));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    private void foundedWithFollowUp(String proposal) throws Exception {
        ProcessInstance pi = start(false);
        accept(pi);
        propose(pi, proposal);
        assertThat(pi).hasPassed("Task_RecordFollowUp").isWaitingAt("Task_WriteReply");
        verify(recordFollowUp).execute(any(DelegateExecution.class));
        replyAndVisit(pi, "SATISFIED");
        assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveProposal", "Task_RecordFollowUp", "Task_WriteReply",
                "Task_ReturnVisit", "End_Closed");
    }

    private ProcessInstance start(boolean anonymous) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("complaint-handling", "TS-2026-000007",
                Map.of("complaintId", 7L, "anonymous", anonymous, "reopenCount", 0, "extended", false));
        assertThat(pi).isStarted();
        return pi;
    }

    private void accept(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_ReviewAcceptance");
        complete(task(), withVariables("acceptanceDecision", "ACCEPT"));
        complete(task(), withVariables("acceptanceApproved", true));
        assertThat(task()).hasDefinitionKey("Task_AssignSupervisor").hasCandidateGroup("lead");
        complete(task(), withVariables("supervisorId", "supervisor"));
        assertThat(pi).isWaitingAt("Task_Investigate");
        assertThat(task()).isAssignedTo("supervisor");
    }

    private void propose(ProcessInstance pi, String proposal) {
        complete(task(), withVariables("investigationAction", "PROPOSE", "proposal", proposal));
        assertThat(task()).hasDefinitionKey("Task_ApproveProposal").hasCandidateGroup("lead");
        complete(task(), withVariables("proposalApproved", true));
    }

    private void replyAndVisit(ProcessInstance pi, String satisfaction) {
        assertThat(pi).isWaitingAt("Task_WriteReply");
        assertThat(task()).isAssignedTo("supervisor");
        complete(task());
        assertThat(task()).hasDefinitionKey("Task_ReturnVisit").hasCandidateGroup("clerk");
        complete(task(), withVariables("satisfaction", satisfaction));
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ProcessTestSupport.ZONE).toInstant());
    }

    private static Date endOf(LocalDate date) {
        return at(date.atTime(LocalTime.of(23, 59, 59)));
    }
}
