package org.jiandu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.jiandu.escalation.LadderTestSupport.at;
import static org.jiandu.escalation.LadderTestSupport.clock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jiandu.ProcessTestSupport;
import org.jiandu.escalation.LadderTestSupport;
import org.jiandu.letter.LetterIssuing;
import org.jiandu.letter.LetterSteps;
import org.jiandu.rectification.RectificationSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of supervision-case: not filed, closed without letters, closed after its letters closed. */
@Deployment(resources = {"processes/supervision-case.bpmn", "processes/supervision-letter.bpmn"})
class CaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestSupport.engine();

    /** The collections the multi-instance steps run over, as the case's tables would give them. */
    static class CaseLists {
        List<String> participants = List.of("supervisor", "lead");
        List<String> letters = List.of();
    }

    CaseLists lists = new CaseLists();
    CaseSteps caseSteps = mock(CaseSteps.class);
    LetterSteps letterSteps = mock(LetterSteps.class);

    @BeforeEach
    void setUp() {
        ProcessTestSupport.init(engine.getProcessEngine());
        LadderTestSupport.register();
        clock(LocalDateTime.of(2026, 3, 2, 10, 0));
        when(caseSteps.participants(any())).thenAnswer(call -> lists.participants);
        when(caseSteps.letterNos(any())).thenAnswer(call -> lists.letters);
        Mocks.register("caseSteps", caseSteps);
        doAnswer(call -> {
            call.getArgument(0, DelegateExecution.class).setVariable("agencyCode", "SCJ");
            return null;
        }).when(letterSteps).started(any());
        Mocks.register("letterSteps", letterSteps);
        Mocks.register("letterIssuing", mock(LetterIssuing.class));
        Mocks.register("rectificationSteps", mock(RectificationSteps.class));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("supervision-case", "AJ-2026-000001",
                Map.of("caseId", 1L));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ApproveFiling");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("lead");
        return pi;
    }

    ProcessInstance deliberated(ProcessInstance pi) {
        complete(task(pi), withVariables("filingApproved", true));
        BpmnAwareTests.assertThat(task(pi)).hasDefinitionKey("Task_Investigate").hasCandidateGroup("supervisor");
        complete(task(pi));
        List<Task> opinions = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Deliberate").list();
        assertThat(opinions).extracting(Task::getAssignee).containsExactlyInAnyOrder("supervisor", "lead");
        opinions.forEach(opinion -> complete(opinion));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Task_RecordDecision");
        return pi;
    }

    @Test
    void notFiled() throws Exception {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("filingApproved", false));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_NotFiled").hasNotPassed("Task_Investigate");
        verify(caseSteps).notFiled(any());
    }

    @Test
    void closedWithNoFinding() throws Exception {
        ProcessInstance pi = deliberated(start());
        complete(task(pi), withVariables("letterCount", 0));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveFiling", "Task_Investigate",
                "Task_Deliberate", "Task_RecordDecision", "Gateway_HasLetters", "End_CaseClosed")
                .hasNotPassed("CallActivity_Letters");
        verify(caseSteps).closed(any());
    }

    @Test
    void participantAddedWhileTheDeliberationRuns() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("filingApproved", true));
        complete(task(pi));
        complete(taskQuery().processInstanceId(pi.getId()).taskAssignee("supervisor").singleResult());
        runtimeService().createProcessInstanceModification(pi.getId()).startBeforeActivity("Task_Deliberate")
                .setVariableLocal("participant", "legal").execute();
        List<Task> open = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Deliberate").list();
        assertThat(open).extracting(Task::getAssignee).containsExactlyInAnyOrder("lead", "legal");
        complete(taskQuery().processInstanceId(pi.getId()).taskAssignee("lead").singleResult());
        BpmnAwareTests.assertThat(pi).isWaitingAt("Task_Deliberate");
        complete(taskQuery().processInstanceId(pi.getId()).taskAssignee("legal").singleResult());
        BpmnAwareTests.assertThat(pi).isWaitingAt("Task_RecordDecision");
    }

    @Test
    void closesWhenAllItsLettersHaveClosed() throws Exception {
        lists.letters = List.of("JY-2026-000101", "JY-2026-000102");
        ProcessInstance pi = deliberated(start());
        complete(task(pi), withVariables("letterCount", 2));
        BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_Letters");
        ProcessInstance first = letter("JY-2026-000101");
        ProcessInstance second = letter("JY-2026-000102");
        runLetterToTheEnd(first);
        BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_Letters");
        verify(caseSteps, never()).closed(any());
        runLetterToTheEnd(second);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder("Task_RecordDecision", "CallActivity_Letters",
                "End_CaseClosed");
        verify(caseSteps).closed(any());
    }

    private ProcessInstance letter(String letterNo) {
        ProcessInstance letter = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(letterNo)
                .processDefinitionKey("supervision-letter").singleResult();
        assertThat(letter).as(letterNo).isNotNull();
        return letter;
    }

    private void runLetterToTheEnd(ProcessInstance letter) {
        complete(task("Task_DraftLetter", letter), withVariables("rectificationRequired", false));
        complete(task("Task_LegalReview", letter), withVariables("legalPassed", true));
        complete(task("Task_SignLetter", letter), withVariables("signed", true));
        complete(task("Task_ReceiveLetter", letter), withVariables("replyDue", at(LocalDateTime.of(2026, 4, 17, 23, 59, 59))));
        complete(task("Task_ReplyLetter", letter));
        complete(task("Task_ReviewReply", letter), withVariables("replyAccepted", true));
        BpmnAwareTests.assertThat(letter).isEnded();
    }
}
