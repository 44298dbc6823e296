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

    private final SupervisionCaseService service;

    CaseCollections(SupervisionCaseService service) {
        this.service = service;
    }

    public List<String> participants(DelegateExecution execution) {
        return service.participantIds(service.idOf(execution));
    }

    public List<String> letterNos(DelegateExecution execution) {
        return service.letterNos(service.idOf(execution));
    }
}
