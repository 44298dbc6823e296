package org.jiandu.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.UserDirectory;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.RecordAccess;
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
        return RecordAccess.ofProcess(execution, mapper::findByNo, "case");
    }

    /** The case if the user may see it (staff, or the agency concerned); 404 otherwise. */
    CaseRow visible(long id, CurrentUser user) {
        return mapper.find(id).filter(row -> user.seesRecordsOf(row.agencyCode())).orElseThrow(CaseAccess::notFound);
    }

    /** The case if the user works for the supervision body; 404 otherwise (an agency's own case included). */
    CaseRow internal(long id, CurrentUser user) {
        return mapper.find(id).filter(row -> user.internal()).orElseThrow(CaseAccess::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("CASE_NOT_FOUND", "案件不存在。");
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
