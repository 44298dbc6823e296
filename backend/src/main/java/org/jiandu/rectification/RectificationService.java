package org.jiandu.rectification;

import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.letter.LetterService;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Rectifications: the agency's plan, progress and completion reports and the supervisor's verification, each
 * one transaction over our tables, the process and the audit row. Like letters, what a step records is
 * recorded by the step's completion listener ({@link RectificationSteps}); reading is
 * {@link RectificationQueries}.
 */
@Service
public class RectificationService {

    public static final String RECORD = "RECTIFICATION";

    private final RectificationMapper mapper;
    private final ProcessTasks tasks;
    private final DocumentStore store;

    RectificationService(RectificationMapper mapper, ProcessTasks tasks, DocumentStore store) {
        this.mapper = mapper;
        this.tasks = tasks;
        this.store = store;
    }

    @Transactional
    public void submitPlan(long id, CurrentUser user, PlanRequest plan) {
        RectificationRow row = RectificationService.visible(mapper, id, user);
        Task task = tasks.require(row.rectificationNo(), RectificationStep.SUBMIT_PLAN.taskKey(), user);
        for (PlanRequest.MilestoneRequest milestone : plan.milestones()) {
            mapper.insertMilestone(id, milestone.title().strip(), milestone.dueDate());
        }
        var variables = ProcessTasks.decisions().putValue(RectificationProcess.REPORT_CYCLE_DAYS, plan.reportCycleDays());
        ProcessTasks.text(variables, RectificationProcess.PLAN_TEXT, plan.planText());
        ProcessTasks.text(variables, RectificationProcess.COMPLETION_DATE, plan.completionDate().toString());
        tasks.complete(task, variables);
    }

    @Transactional
    public void reportProgress(long id, CurrentUser user, String text) {
        RectificationRow row = RectificationService.visible(mapper, id, user);
        Task task = tasks.require(row.rectificationNo(), RectificationStep.REPORT_PROGRESS.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "progressText", text));
    }

    @Transactional
    public void submitCompletion(long id, CurrentUser user, String text, List<MultipartFile> evidence) {
        RectificationRow row = RectificationService.visible(mapper, id, user);
        Task task = tasks.require(row.rectificationNo(), RectificationStep.SUBMIT_COMPLETION.taskKey(), user);
        store.storeUploads(RECORD, row.rectificationNo(), DocType.EVIDENCE, evidence);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "completionText", text));
    }

    @Transactional
    public void verify(long id, CurrentUser user, boolean passed, boolean onsiteCheck, String reason) {
        RectificationRow row = RectificationService.visible(mapper, id, user);
        if (!LetterService.isInternal(user)) {
            throw ApiException.forbidden("FORBIDDEN", "整改验收由监督机构办理。");
        }
        Task task = tasks.require(row.rectificationNo(), RectificationStep.VERIFY.taskKey(), user);
        var variables = ProcessTasks.decisions().putValue(RectificationProcess.VERIFICATION_PASSED, passed);
        variables.putValueTyped("onsiteCheck", org.camunda.bpm.engine.variable.Variables.booleanValue(onsiteCheck, true));
        tasks.complete(task, ProcessTasks.text(variables, RectificationProcess.REASON, reason));
    }

    /** The rectification if the user may see it (staff, or the agency concerned); 404 otherwise. */
    static RectificationRow visible(RectificationMapper mapper, long id, CurrentUser user) {
        return mapper.find(id).filter(row -> user.seesRecordsOf(row.agencyCode()))
                .orElseThrow(() -> ApiException.notFound("RECTIFICATION_NOT_FOUND", "整改事项不存在。"));
    }
}
