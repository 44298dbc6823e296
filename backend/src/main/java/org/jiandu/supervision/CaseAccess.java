package org.jiandu.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.UserDirectory;
import org.jiandu.letter.LetterService;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Component;

/** Which case a request or a process instance works on, whether the caller may see it, who may take part. */
@Component
class CaseAccess {

    private final CaseMapper mapper;
    private final UserDirectory users;

    CaseAccess(CaseMapper mapper, UserDirectory users) {
        this.mapper = mapper;
        this.users = users;
    }

    /** The case a process instance works on: the one its business key numbers, never one a variable names. */
    CaseRow caseOf(DelegateExecution execution) {
        String caseNo = execution.getProcessBusinessKey();
        return mapper.findByNo(caseNo).orElseThrow(() -> new IllegalStateException("No case " + caseNo));
    }

    CaseRow visible(long id, CurrentUser user) {
        CaseRow row = mapper.find(id).orElse(null);
        if (row == null || !(LetterService.isInternal(user)
                || user.has(Role.AGENCY) && user.org().code().equals(row.agencyCode()))) {
            throw ApiException.notFound("CASE_NOT_FOUND", "案件不存在。");
        }
        return row;
    }

    CaseRow internal(long id, CurrentUser user) {
        CaseRow row = visible(id, user);
        if (!LetterService.isInternal(user)) {
            throw ApiException.notFound("CASE_NOT_FOUND", "案件不存在。");
        }
        return row;
    }

    /** A participant of a deliberation must be staff of the supervision body. */
    void requireStaff(String userId) {
        CurrentUser participant = users.load(userId).orElseThrow(() -> ApiException.badRequest("USER_NOT_FOUND",
                "用户 " + userId + " 不存在。"));
        if (!participant.hasAny(Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER)) {
            throw ApiException.badRequest("NOT_STAFF", "集体研究参加人须为监督员、负责人或法制审核员。");
        }
    }

}
