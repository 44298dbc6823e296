package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiandu.identity.CurrentUser;
import org.jiandu.platform.EngineAccess;
import org.jiandu.platform.TaskLookup;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.CheckedSubmissions;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff complete a complaint's task through our API: the holder (or a candidate, who claims it then)
 * submits the task's form fields, through the one completion path ({@link ProcessTasks#submit}). The same rules as in
 * Tasklist apply (checked here first for the complaint's own codes, and by the task's complete listener, which writes
 * the decision and the audit row); the complaint row, the engine step and the audit row commit together.
 */
@Service
class ComplaintTaskService {

    private final ComplaintQueries queries;
    private final ComplaintTaskRules rules;
    private final TaskLookup lookup;
    private final HistoryService historyService;
    private final EngineAccess engineAccess;
    private final ProcessTasks tasks;

    ComplaintTaskService(ComplaintQueries queries, ComplaintTaskRules rules, TaskLookup lookup,
                         HistoryService historyService, EngineAccess engineAccess, ProcessTasks tasks) {
        this.queries = queries;
        this.rules = rules;
        this.lookup = lookup;
        this.historyService = historyService;
        this.engineAccess = engineAccess;
        this.tasks = tasks;
    }

    @Transactional
    void complete(long complaintId, String taskId, Map<String, Object> fields, CurrentUser user) {
        Complaint complaint = queries.visible(complaintId, user);
        // whoever may see the complaint may see its open steps (its detail lists them): found by a fixed statement, and
        // only among the complaint's own; whether the caller may work it is the engine's check at the completion
        Task task = lookup.byIds(List.of(taskId)).stream()
                .filter(open -> open.getProcessInstanceId().equals(complaint.processInstanceId()))
                .findFirst().orElse(null);
        if (task == null && completedAlready(taskId, complaint)) {
            throw ApiException.conflict("CONCURRENT_CHANGE", "该待办刚被他人办理完毕，请刷新后查看。");
        }
        if (task == null) {
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
        try {
            // from the record, which the process's own variable is set back from: no engine read that a faster
            // completion of the same task could make fail
            boolean extended = complaint.extended();
            // checked here, once, for the complaint's own codes before anything moves; the completion listener records
            // what was checked instead of checking it again
            CheckedSubmissions.hold(taskId, rules.check(step, submitted, extended));
        } catch (ComplaintRuleViolation violation) {
            throw violation.toApiException();
        }
        tasks.submit(task, variables(submitted));
    }

    /**
     * Whether the task was a step of this complaint that has been completed (by someone faster: a lost race).
     * History is read without the caller's authorizations: the caller may see the complaint, and only a yes/no
     * about one of its own steps comes back.
     */
    private boolean completedAlready(String taskId, Complaint complaint) {
        return engineAccess.withoutAuthorizationChecks(() -> historyService.createHistoricTaskInstanceQuery()
                .taskId(taskId).processInstanceId(complaint.processInstanceId()).finished().count()) > 0;
    }

    /**
     * The submission as the engine gets it: decisions as they are, texts (reply, findings, reasons) transient, so
     * that the complete listener takes them into the complaint tables and they never reach Camunda's history.
     */
    private static VariableMap variables(Map<String, Object> submitted) {
        VariableMap variables = Variables.createVariables();
        submitted.forEach((name, value) -> {
            if (ComplaintTaskStep.keptOut(name)) {
                variables.putValueTyped(name, Variables.stringValue(value == null ? null : String.valueOf(value), true));
            } else {
                variables.putValue(name, value);
            }
        });
        return variables;
    }
}
