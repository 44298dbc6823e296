package org.jiandu.incident;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.jiandu.identity.Role;
import org.jiandu.notification.NotificationKind;
import org.jiandu.notification.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells every admin, once, when a job has used up its retries and become an incident: Camunda's own handler
 * for failed jobs creates the incident, and this one adds the notification in the same transaction. A clue
 * transfer's record number is left out of the message (need-to-know: admins do not see clues).
 */
@Component
class IncidentNotifier extends AbstractProcessEnginePlugin {

    static final String CLUE_PROCESS = "clue-transfer";

    private final ObjectProvider<Notifications> notifications;

    IncidentNotifier(ObjectProvider<Notifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new NotifyingHandler(Incident.FAILED_JOB_HANDLER_TYPE));
        configuration.setCustomIncidentHandlers(handlers);
    }

    private final class NotifyingHandler extends DefaultIncidentHandler {

        NotifyingHandler(String type) {
            super(type);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            notifyAdmins(incident, context);
            return incident;
        }
    }

    private void notifyAdmins(Incident incident, IncidentContext context) {
        ProcessDefinitionEntity definition = context.getProcessDefinitionId() == null ? null
                : Context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedProcessDefinitionById(context.getProcessDefinitionId());
        String processKey = definition == null ? null : definition.getKey();
        String process = definition == null ? "未知流程" : definition.getName() != null ? definition.getName() : processKey;
        String businessKey = null;
        if (context.getExecutionId() != null && !CLUE_PROCESS.equals(processKey)) {
            ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                    .findExecutionById(context.getExecutionId());
            businessKey = execution == null ? null : execution.getProcessBusinessKey();
        }
        String activity = incident.getActivityId();
        if (definition != null && activity != null && definition.findActivity(activity) != null
                && definition.findActivity(activity).getName() != null) {
            activity = definition.findActivity(activity).getName() + "（" + incident.getActivityId() + "）";
        }
        String body = "流程「" + process + "」" + (businessKey == null ? "" : "（记录 " + businessKey + "）") + "在步骤「"
                + activity + "」自动重试后仍然失败。请在系统管理的流程故障列表中查看原因，排除后重试。";
        notifications.getObject().notifyGroup(Role.ADMIN.groupId(), NotificationKind.INCIDENT, "流程故障：" + process, body,
                "INCIDENT", incident.getId());
    }
}
