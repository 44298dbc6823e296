package org.jiandu.clue;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * One test per path through {@code clue-transfer} (问题线索移送), on the engine alone. The beans the
 * diagram calls are recorders here: what matters is which of them the path reaches, with what.
 */
@Deployment(resources = "processes/clue-transfer.bpmn")
class ClueTransferProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestSupport.engine();

    /** 2026-03-02 is a Monday and a working day. */
    private static final LocalDateTime PROPOSED_AT = LocalDateTime.of(2026, 3, 2, 10, 0);

    private final List<String> statuses = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final List<String> completed = new ArrayList<>();
    private int transfersIssued;

    @BeforeEach
    void setUp() {
        ProcessTestSupport.init(engine.getProcessEngine());
        setNow(PROPOSED_AT);
        Mocks.register("clueWorkflow", new WorkflowRecorder());
        Mocks.register("clueNotices", new NoticeRecorder());
        Mocks.register("issueClueTransfer", (JavaDelegate) execution -> transfersIssued++);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void approvedAcknowledgedAndOutcomeRecorded() {
        ProcessInstance clue = propose("XS-2026-000001", false, "JW");
        assertThat(clue).isWaitingAt("Task_LegalReview");
        assertThat(task()).hasCandidateGroup("legal-reviewer");
        complete(task(), withVariables("legalReviewPassed", true));

        assertThat(clue).isWaitingAt("Task_LeadApproval");
        assertThat(task()).hasCandidateGroup("lead");
        complete(task(), withVariables("leadApproved", true));

        org.assertj.core.api.Assertions.assertThat(transfersIssued).isEqualTo(1);
        assertThat(clue).isWaitingAt("Task_AcknowledgeReceipt");
        assertThat(task()).hasCandidateGroup("org-JW");
        org.assertj.core.api.Assertions.assertThat(task().getDueDate())
                .isEqualTo(endOfDay(LocalDate.of(2026, 3, 9)));
        complete(task());

        assertThat(clue).isWaitingAt("Task_RecordOutcome");
        assertThat(task()).hasCandidateGroup("org-JW");
        complete(task());

        assertThat(clue).isEnded().hasPassedInOrder("Task_LegalReview", "Task_LeadApproval", "Task_IssueTransfer",
                "Task_AcknowledgeReceipt", "Task_RecordOutcome", "End_OutcomeRecorded");
        assertThat(clue).hasNotPassed("Task_CollectiveDecision", "Task_RecordPaperOutcome");
        org.assertj.core.api.Assertions.assertThat(statuses)
                .containsExactly("LEGAL_REVIEW", "AWAITING_APPROVAL", "TRANSFERRED", "RECEIVED", "CLOSED");
        org.assertj.core.api.Assertions.assertThat(completed).containsExactly("Task_LegalReview", "Task_LeadApproval",
                "Task_AcknowledgeReceipt", "Task_RecordOutcome");
    }

    @Test
    void categoryThatRequiresCollectiveDecisionGoesThroughTheMeetingFirst() {
        ProcessInstance clue = propose("XS-2026-000002", true, "JW");
        complete(task(), withVariables("legalReviewPassed", true));

        assertThat(clue).isWaitingAt("Task_CollectiveDecision");
        assertThat(task()).hasCandidateGroup("lead");
        complete(task(), withVariables("collectiveAgreed", true));

        assertThat(clue).isWaitingAt("Task_LeadApproval");
        complete(task(), withVariables("leadApproved", true));
        assertThat(clue).isWaitingAt("Task_AcknowledgeReceipt")
                .hasPassedInOrder("Task_LegalReview", "Task_CollectiveDecision", "Task_LeadApproval", "Task_IssueTransfer");
    }

    @Test
    void collectiveDecisionAgainstTransferEndsIt() {
        ProcessInstance clue = propose("XS-2026-000003", true, "JW");
        complete(task(), withVariables("legalReviewPassed", true));
        complete(task(), withVariables("collectiveAgreed", false));

        assertThat(clue).isEnded().hasPassed("End_RejectedCollectively").hasNotPassed("Task_LeadApproval");
        org.assertj.core.api.Assertions.assertThat(transfersIssued).isZero();
        org.assertj.core.api.Assertions.assertThat(statuses).endsWith("REJECTED");
    }

    @Test
    void returnedByLegalReviewThenRevisedAndResubmitted() {
        ProcessInstance clue = propose("XS-2026-000004", false, "JW");
        complete(task(), withVariables("legalReviewPassed", false));

        assertThat(clue).isWaitingAt("Task_ReviseProposal");
        assertThat(task()).isAssignedTo("supervisor");
        complete(task(), withVariables("resubmit", true));

        assertThat(clue).isWaitingAt("Task_LegalReview");
        complete(task(), withVariables("legalReviewPassed", true));
        assertThat(clue).isWaitingAt("Task_LeadApproval");
        org.assertj.core.api.Assertions.assertThat(statuses)
                .containsExactly("LEGAL_REVIEW", "RETURNED", "LEGAL_REVIEW", "AWAITING_APPROVAL");
        org.assertj.core.api.Assertions.assertThat(notices).contains("RETURNED-TASK Task_ReviseProposal");
    }

    @Test
    void returnedByLegalReviewAndWithdrawn() {
        ProcessInstance clue = propose("XS-2026-000005", false, "JW");
        complete(task(), withVariables("legalReviewPassed", false));
        complete(task(), withVariables("resubmit", false));

        assertThat(clue).isEnded().hasPassed("End_Withdrawn").hasNotPassed("Task_LeadApproval");
        org.assertj.core.api.Assertions.assertThat(statuses).endsWith("WITHDRAWN");
        org.assertj.core.api.Assertions.assertThat(transfersIssued).isZero();
    }

    @Test
    void rejectedByTheLead() {
        ProcessInstance clue = propose("XS-2026-000006", false, "JW");
        complete(task(), withVariables("legalReviewPassed", true));
        complete(task(), withVariables("leadApproved", false));

        assertThat(clue).isEnded().hasPassedInOrder("Task_LegalReview", "Task_LeadApproval", "End_Rejected")
                .hasNotPassed("Task_IssueTransfer", "Task_AcknowledgeReceipt");
        org.assertj.core.api.Assertions.assertThat(transfersIssued).isZero();
        org.assertj.core.api.Assertions.assertThat(statuses).endsWith("REJECTED");
    }

    @Test
    void noOutcomeWithinTheTermRemindsAndTheSupervisorRecordsThePaperOutcome() {
        ProcessInstance clue = propose("XS-2026-000007", false, "JW");
        complete(task(), withVariables("legalReviewPassed", true));
        complete(task(), withVariables("leadApproved", true));
        complete(task()); // 签收 on the day of approval, 2026-03-02
        assertThat(clue).isWaitingAt("Task_RecordOutcome");

        // 90 calendar days from 2026-03-02 is 2026-05-31; the reminder goes out 5 working days before
        Job reminder = jobQuery().activityId("Timer_OutcomeReminder").singleResult();
        Job overdue = jobQuery().activityId("Timer_OutcomeOverdue").singleResult();
        org.assertj.core.api.Assertions.assertThat(overdue.getDuedate()).isAfter(at(LocalDate.of(2026, 5, 29)));
        org.assertj.core.api.Assertions.assertThat(reminder.getDuedate()).isBefore(overdue.getDuedate());

        setNow(reminder.getDuedate());
        execute(reminder);
        assertThat(clue).isWaitingAt("Task_RecordOutcome").hasPassed("Task_RemindOutcome");
        org.assertj.core.api.Assertions.assertThat(notices).contains("REMINDER Task_RecordOutcome");

        setNow(overdue.getDuedate());
        execute(overdue);
        org.assertj.core.api.Assertions.assertThat(notices).contains("OVERDUE Task_RecordOutcome");
        assertThat(clue).isWaitingAt("Task_RecordOutcome", "Task_RecordPaperOutcome");
        assertThat(openTask("Task_RecordPaperOutcome")).isAssignedTo("supervisor");
        org.assertj.core.api.Assertions.assertThat(statuses).endsWith("OUTCOME_OVERDUE");

        complete(openTask("Task_RecordPaperOutcome"));
        assertThat(clue).isEnded().hasPassed("Task_UrgeOutcome", "End_OutcomeRecordedOnPaper")
                .hasNotPassed("End_OutcomeRecorded");
        org.assertj.core.api.Assertions.assertThat(statuses).endsWith("CLOSED");
    }

    @Test
    void lateOutcomeFromTheReceivingBodyEndsThePaperTaskToo() {
        ProcessInstance clue = propose("XS-2026-000010", false, "JW");
        complete(task(), withVariables("legalReviewPassed", true));
        complete(task(), withVariables("leadApproved", true));
        complete(task());
        Job overdue = jobQuery().activityId("Timer_OutcomeOverdue").singleResult();
        setNow(overdue.getDuedate());
        execute(overdue);
        assertThat(clue).isWaitingAt("Task_RecordOutcome", "Task_RecordPaperOutcome");

        complete(openTask("Task_RecordOutcome"));
        assertThat(clue).isEnded().hasPassed("End_OutcomeRecorded").hasNotPassed("End_OutcomeRecordedOnPaper");
        org.assertj.core.api.Assertions.assertThat(completed).doesNotContain("Task_RecordPaperOutcome");
    }

    @Test
    void transferToPublicSecurityGoesToThatBodysInbox() {
        ProcessInstance clue = propose("XS-2026-000008", false, "GA");
        complete(task(), withVariables("legalReviewPassed", true));
        complete(task(), withVariables("leadApproved", true));

        assertThat(clue).isWaitingAt("Task_AcknowledgeReceipt");
        assertThat(task()).hasCandidateGroup("org-GA");
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery()
                .taskCandidateGroup("org-JW").count()).isZero();
        complete(task());
        assertThat(task()).hasCandidateGroup("org-GA");
        complete(task());
        assertThat(clue).isEnded().hasPassed("End_OutcomeRecorded");
    }

    @Test
    void overdueApprovalRemindsThenEscalatesWithoutLeavingTheTask() {
        ProcessInstance clue = propose("XS-2026-000009", false, "JW");
        complete(task(), withVariables("legalReviewPassed", true));
        assertThat(clue).isWaitingAt("Task_LeadApproval");
        // task.default: 5 working days, reminder 2 working days before
        org.assertj.core.api.Assertions.assertThat(task().getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 9)));

        execute(jobQuery().activityId("Timer_LeadApprovalReminder").singleResult());
        execute(jobQuery().activityId("Timer_LeadApprovalOverdue").singleResult());
        assertThat(clue).isWaitingAt("Task_LeadApproval").hasPassed("Task_RemindLeadApproval", "Task_EscalateLeadApproval");
        org.assertj.core.api.Assertions.assertThat(notices)
                .contains("REMINDER Task_LeadApproval", "OVERDUE Task_LeadApproval");
    }

    private ProcessInstance propose(String clueNo, boolean collectiveRequired, String targetOrgCode) {
        ProcessInstance clue = runtimeService().startProcessInstanceByKey("clue-transfer", clueNo, Map.of(
                "clueId", 42L, "handler", "supervisor", "collectiveRequired", collectiveRequired,
                "targetOrgCode", targetOrgCode));
        assertThat(clue).isStarted();
        return clue;
    }

    private static org.camunda.bpm.engine.task.Task openTask(String key) {
        return taskService().createTaskQuery().taskDefinitionKey(key).singleResult();
    }

    private static void setNow(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(ProcessTestSupport.ZONE).toInstant()));
    }

    private static void setNow(Date time) {
        ClockUtil.setCurrentTime(time);
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(ProcessTestSupport.ZONE).toInstant());
    }

    private static Date endOfDay(LocalDate day) {
        return ProcessTestSupport.workdays().endOf(day);
    }

    /** Records the statuses the diagram sets, in order, and the tasks whose completion it records. */
    public class WorkflowRecorder {
        public void status(DelegateExecution execution, String status) {
            statuses.add(status);
        }

        public void completed(DelegateTask task) {
            completed.add(task.getTaskDefinitionKey());
        }
    }

    /** Records the notices the diagram sends. */
    public class NoticeRecorder {
        public void newTask(DelegateTask task) {
            notices.add((task.getTaskDefinitionKey().equals("Task_ReviseProposal") ? "RETURNED-TASK " : "NEW-TASK ")
                    + task.getTaskDefinitionKey());
        }

        public void reminder(DelegateExecution execution, String taskKey) {
            notices.add("REMINDER " + taskKey);
        }

        public void overdue(DelegateExecution execution, String taskKey) {
            notices.add("OVERDUE " + taskKey);
        }
    }
}
