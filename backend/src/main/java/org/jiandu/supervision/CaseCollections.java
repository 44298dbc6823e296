package org.jiandu.supervision;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * ${supervisionCases} in the case diagram: the collections its multi-instance steps run over, the participants
 * of the deliberation and the letters of the decision (public, so that the expression language can call it).
 */
@Component("supervisionCases")
public class CaseCollections {

    private final CaseAccess access;
    private final CaseSteps steps;

    CaseCollections(CaseAccess access, CaseSteps steps) {
        this.access = access;
        this.steps = steps;
    }

    public List<String> participants(DelegateExecution execution) {
        return steps.participantIds(access.caseOf(execution).id());
    }

    public List<String> letterNos(DelegateExecution execution) {
        return steps.letterNos(access.caseOf(execution).id());
    }
}
