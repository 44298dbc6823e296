package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jiandu.identity.Role;

/**
 * The user tasks of {@code complaint-handling}: the decision history's step name, who works the task,
 * the fields its form submits and the decision variables it sets (cleared when the task starts again).
 */
enum ComplaintTaskStep {
    REVIEW_ACCEPTANCE("Task_ReviewAcceptance", "受理审查", List.of(Role.CLERK, Role.SUPERVISOR),
            List.of(ACCEPTANCE_DECISION, REASON, COMPETENT_AUTHORITY), List.of(ACCEPTANCE_DECISION)),
    APPROVE_ACCEPTANCE("Task_ApproveAcceptance", "审批受理意见", List.of(Role.LEAD),
            List.of(ACCEPTANCE_APPROVED, REASON), List.of(ACCEPTANCE_APPROVED)),
    ASSIGN_SUPERVISOR("Task_AssignSupervisor", "分派承办人", List.of(Role.LEAD),
            List.of(SUPERVISOR_ID, REASON), List.of()),
    INVESTIGATE("Task_Investigate", "调查核实并提出处理建议", List.of(Role.SUPERVISOR),
            List.of(INVESTIGATION_ACTION, PROPOSAL, FINDINGS, EXTENSION_DAYS, REASON),
            List.of(INVESTIGATION_ACTION, PROPOSAL, EXTENSION_DAYS)),
    APPROVE_EXTENSION("Task_ApproveExtension", "审批延期申请", List.of(Role.LEAD),
            List.of(EXTENSION_APPROVED, REASON), List.of(EXTENSION_APPROVED)),
    APPROVE_PROPOSAL("Task_ApproveProposal", "审批处理建议", List.of(Role.LEAD),
            List.of(PROPOSAL_APPROVED, REASON), List.of(PROPOSAL_APPROVED)),
    WRITE_REPLY("Task_WriteReply", "书面答复投诉人", List.of(Role.SUPERVISOR),
            List.of(REPLY_TEXT), List.of()),
    RETURN_VISIT("Task_ReturnVisit", "满意度回访", List.of(Role.CLERK),
            List.of(SATISFACTION, REASON), List.of(SATISFACTION));

    /** Texts kept in the complaint tables, never in the process. */
    static final List<String> TEXT_FIELDS = List.of(REASON, COMPETENT_AUTHORITY, FINDINGS, REPLY_TEXT);

    private final String taskKey;
    private final String label;
    private final List<Role> roles;
    private final List<String> fields;
    private final List<String> decisionVariables;

    ComplaintTaskStep(String taskKey, String label, List<Role> roles, List<String> fields,
                      List<String> decisionVariables) {
        this.taskKey = taskKey;
        this.label = label;
        this.roles = roles;
        this.fields = fields;
        this.decisionVariables = decisionVariables;
    }

    static Optional<ComplaintTaskStep> ofTaskKey(String taskKey) {
        return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskKey)).findFirst();
    }

    String taskKey() {
        return taskKey;
    }

    String label() {
        return label;
    }

    List<Role> roles() {
        return roles;
    }

    List<String> fields() {
        return fields;
    }

    List<String> decisionVariables() {
        return decisionVariables;
    }
}
