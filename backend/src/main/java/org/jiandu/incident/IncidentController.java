package org.jiandu.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.ApiException;
import org.jiandu.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open incidents of the processes an admin operates (the engine's authorizations decide, so clue transfers stay
 * out of sight), and a retry that gives the failed job new attempts for the job executor to run. Reads and the
 * retry run as the calling admin, so Camunda's user-operation log names them too.
 */
@RestController
@RequestMapping("/api/admin/incidents")
@Roles(Role.ADMIN)
class IncidentController {

    private static final int MESSAGE_LENGTH = 500;

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final ProcessEngine engine;
    private final AuditLog auditLog;
    private final Clock clock;

    IncidentController(RuntimeService runtimeService, RepositoryService repositoryService,
                       ManagementService managementService, ProcessEngine engine, AuditLog auditLog, Clock clock) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.engine = engine;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<IncidentView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        long total = runtimeService.createIncidentQuery().count();
        List<Incident> incidents = runtimeService.createIncidentQuery().orderByIncidentTimestamp().desc()
                .listPage(Page.offset(page, size), size);
        return new Page<>(views(incidents), total, page, size);
    }

    @PostMapping("/{id}/retry")
    @Transactional
    @ResponseStatus(HttpStatus.ACCEPTED)
    IncidentView retry(@PathVariable String id, @Valid @RequestBody(required = false) RetryRequest request) {
        Incident incident = runtimeService.createIncidentQuery().incidentId(id).singleResult();
        if (incident == null) {
            throw ApiException.notFound("INCIDENT_NOT_FOUND", "流程故障不存在或已处理。");
        }
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw ApiException.conflict("INCIDENT_NOT_RETRYABLE", "此类流程故障不能在这里重试，请在 Cockpit 中处理。");
        }
        int retries = request == null || request.retries() == null ? 1 : request.retries();
        IncidentView view = views(List.of(incident)).get(0);
        managementService.setJobRetries(incident.getConfiguration(), retries);
        auditLog.record("INCIDENT", id, "INCIDENT_RETRIED", Map.of("retries", AuditLog.change(0, retries),
                "job", incident.getConfiguration()));
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.jobWasAdded();
        }
        return view;
    }

    record RetryRequest(@Min(1) @Max(10) Integer retries) {
    }

    private List<IncidentView> views(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = incidents.stream().map(Incident::getProcessInstanceId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
                : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(instance -> instance.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        String[] definitionIds = incidents.stream().map(Incident::getProcessDefinitionId)
                .filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, ProcessDefinition> definitions = definitionIds.length == 0 ? Map.of()
                : repositoryService.createProcessDefinitionQuery().processDefinitionIdIn(definitionIds).list().stream()
                        .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
        return incidents.stream().map(incident -> {
            ProcessDefinition definition = definitions.get(incident.getProcessDefinitionId());
            return new IncidentView(incident.getId(), incident.getIncidentType(),
                    definition == null ? null : definition.getKey(), definition == null ? null : definition.getName(),
                    incident.getProcessInstanceId(), businessKeys.get(incident.getProcessInstanceId()),
                    incident.getActivityId(), activityName(definition, incident.getActivityId()),
                    firstLine(incident.getIncidentMessage()),
                    OffsetDateTime.ofInstant(incident.getIncidentTimestamp().toInstant(), clock.getZone()),
                    Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) ? incident.getConfiguration() : null);
        }).toList();
    }

    private String activityName(ProcessDefinition definition, String activityId) {
        if (definition == null || activityId == null) {
            return null;
        }
        FlowElement element = repositoryService.getBpmnModelInstance(definition.getId()).getModelElementById(activityId);
        return element == null ? null : element.getName();
    }

    /** The failure's own message, one line and short: never a stack trace. */
    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() <= MESSAGE_LENGTH ? line : line.substring(0, MESSAGE_LENGTH - 1) + "…";
    }
}
