package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiandu.identity.CurrentUser;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff complete a complaint's task through our API: the holder (or a candidate, who claims it here)
 * submits the task's form fields. The same rules as in Tasklist apply (checked here for a clean 400,
 * and again by the task's complete listener, which writes the decision and the audit row); the
 * complaint row, the engine step and the audit row commit together.
 */
@Service
class ComplaintTaskService {

    private final ComplaintQueries queries;
    private final ComplaintTaskRules rules;
    private final TaskService taskService;

    ComplaintTaskService(ComplaintQueries queries, ComplaintTaskRules rules, TaskService taskService) {
        this.queries = queries;
        this.rules = rules;
        this.taskService = taskService;
    }

    @Transactional
    void complete(long complaintId, String taskId, Map<String, Object> fields, CurrentUser user) {
        Complaint complaint = queries.visible(complaintId, user);
        // the engine shows a user only the tasks they hold or may claim
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !task.getProcessInstanceId().equals(complaint.processInstanceId())) {
            throw ApiException.notFound("TASK_NOT_FOUND", "该投诉举报没有此待办，或它不由您办理（可能已办结）。");
        }
        ComplaintTaskStep step = ComplaintTaskStep.ofTaskKey(task.getTaskDefinitionKey())
                .orElseThrow(() -> ApiException.notFound("TASK_NOT_FOUND", "该投诉举报没有此待办。"));
        if (step.roles().stream().noneMatch(user::has)) {
            throw ApiException.forbidden("NOT_YOUR_TASK", "“" + step.label() + "”不由您的角色办理。");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.userId())) {
            throw ApiException.conflict("TASK_HELD_BY_OTHER", "该待办已由 " + task.getAssignee() + " 办理中。");
        }
        Map<String, Object> submitted = new LinkedHashMap<>();
        Map<String, Object> given = fields == null ? Map.of() : fields;
        for (Map.Entry<String, Object> field : given.entrySet()) {
            if (!step.fields().contains(field.getKey())) {
                throw ApiException.badRequest("UNKNOWN_FIELD", "“" + step.label() + "”没有字段 " + field.getKey()
                        + "；可填：" + String.join("、", step.fields()) + "。");
            }
            submitted.put(field.getKey(), field.getValue());
        }
        boolean extended = Boolean.TRUE.equals(taskService.getVariable(taskId, EXTENDED));
        try {
            rules.check(step, submitted, extended);
            if (task.getAssignee() == null) {
                taskService.claim(taskId, user.userId());
            }
            taskService.complete(taskId, variables(submitted));
        } catch (ComplaintRuleViolation violation) {
            throw violation.toApiException();
        }
    }

    /**
     * The submission as the engine gets it: decisions as they are, texts (reply, findings, reasons) transient, so
     * that the complete listener takes them into the complaint tables and they never reach Camunda's history.
     */
    private static VariableMap variables(Map<String, Object> submitted) {
        VariableMap variables = Variables.createVariables();
        submitted.forEach((name, value) -> {
            if (ComplaintTaskStep.TEXT_FIELDS.contains(name)) {
                variables.putValueTyped(name, Variables.stringValue(value == null ? null : String.valueOf(value), true));
            } else {
                variables.putValue(name, value);
            }
        });
        return variables;
    }
}
