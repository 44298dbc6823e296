package org.jiandu.supervision;

import java.util.List;

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

    public List<String> participants(Object caseId) {
        return service.participantIds(((Number) caseId).longValue());
    }

    public List<String> letterNos(Object caseId) {
        return service.letterNos(((Number) caseId).longValue());
    }
}
