package org.jiandu.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.platform.EngineAccess;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.ProcessTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The collective deliberation (集体研究): a participant added while it runs, and each participant's opinion. */
@Service
class CaseDeliberation {

    private final CaseMapper mapper;
    private final CaseAccess access;
    private final ProcessTasks tasks;
    private final RuntimeService runtimeService;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;
    private final Clock clock;

    CaseDeliberation(CaseMapper mapper, CaseAccess access, ProcessTasks tasks, RuntimeService runtimeService,
                     EngineAccess engineAccess, AuditLog auditLog, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.tasks = tasks;
        this.runtimeService = runtimeService;
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Adds a participant while the deliberation runs: one more instance of the multi-instance step. */
    @Transactional
    public void addParticipant(long id, CurrentUser user, String participant) {
        CaseRow row = access.internal(id, user);
        if (!user.hasAny(Role.SUPERVISOR, Role.LEAD)) {
            throw ApiException.forbidden("FORBIDDEN", "由承办人或负责人增加集体研究参加人。");
        }
        Task running = tasks.active(row.caseNo(), CaseStep.DELIBERATE.taskKey()).orElseThrow(() -> ApiException.conflict(
                "NOT_AT_THIS_STEP", "集体研究不在进行中，不能增加参加人。"));
        access.requireStaff(participant);
        if (mapper.participants(id).stream().anyMatch(p -> p.userId().equals(participant))) {
            throw ApiException.conflict("ALREADY_PARTICIPANT", participant + " 已是集体研究参加人。");
        }
        mapper.insertParticipant(id, participant, user.userId(), now());
        engineAccess.withoutAuthorizationChecks(() -> runtimeService
                .createProcessInstanceModification(running.getProcessInstanceId())
                .startBeforeActivity(CaseStep.DELIBERATE.taskKey())
                .setVariableLocal("participant", participant)
                .execute());
        auditLog.record(SupervisionCaseService.RECORD, row.caseNo(), "PARTICIPANT_ADDED", Map.of("participant", participant));
    }

    @Transactional
    public void giveOpinion(long id, CurrentUser user, String opinion) {
        CaseRow row = access.internal(id, user);
        Task task = tasks.requireAssigned(row.caseNo(), CaseStep.DELIBERATE.taskKey(), user);
        tasks.complete(task, ProcessTasks.text(ProcessTasks.decisions(), "opinion", opinion));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
