package org.jiandu.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.identity.OrgUnitMapper;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.RecordAccess;
import org.springframework.stereotype.Component;

/** Which letter a request or a process instance works on, and whether the caller may see it. */
@Component
class LetterAccess {

    private final LetterMapper mapper;
    private final OrgUnitMapper orgs;

    LetterAccess(LetterMapper mapper, OrgUnitMapper orgs) {
        this.mapper = mapper;
        this.orgs = orgs;
    }

    /** The letter a process instance works on: the one its business key numbers, never one a variable names. */
    LetterRow letterOf(DelegateExecution execution) {
        return RecordAccess.ofProcess(execution, mapper::findByNo, "letter");
    }

    /** The letter if the user may see it; 404 otherwise (an agency sees only its own served letters). */
    LetterRow visible(long id, CurrentUser user) {
        return mapper.find(id).filter(letter -> LetterService.mayView(letter, user))
                .orElseThrow(() -> ApiException.notFound("LETTER_NOT_FOUND", "监督建议书不存在。"));
    }

    /** The letter if the user may see it and works for the supervision body; 403 for an agency. */
    LetterRow internal(long id, CurrentUser user) {
        LetterRow letter = visible(id, user);
        if (!LetterService.isInternal(user)) {
            throw ApiException.forbidden("FORBIDDEN", "此操作由监督机构办理。");
        }
        return letter;
    }

    /** An enabled supervised agency; 400 otherwise. */
    OrgUnit agency(String code) {
        return orgs.findByCode(code).filter(org -> org.kind() == OrgKind.AGENCY && org.enabled())
                .orElseThrow(() -> ApiException.badRequest("AGENCY_NOT_FOUND", "被监督单位 " + code + " 不存在。"));
    }

    String agencyName(String code) {
        return orgs.findByCode(code).map(OrgUnit::name).orElse(code);
    }
}
