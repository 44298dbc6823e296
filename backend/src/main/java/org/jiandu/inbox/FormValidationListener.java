package org.jiandu.inbox;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * On {@code complete} of every user task of every process: checks the task's variables (which already
 * include the submitted ones) against the task's Camunda Form, whether the task is completed through
 * {@code /api/tasks}, {@code /engine-rest} or Tasklist. Deployed forms never change, so their parsed
 * rules are kept per form definition id.
 */
class FormValidationListener implements TaskListener {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

    @Override
    public void notify(DelegateTask delegateTask) {
        TaskEntity task = (TaskEntity) delegateTask;
        task.initializeFormKey();
        CamundaFormRef formRef = task.getCamundaFormRef();
        if (formRef == null) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        CamundaFormDefinition form = new GetCamundaFormDefinitionCmd(formRef, deploymentId).execute(commandContext);
        if (form == null) {
            return;
        }
        FormSchema schema = schemas.computeIfAbsent(form.getId(), id -> load(commandContext, form));
        Map<String, Object> values = new HashMap<>(delegateTask.getVariables());
        Map<String, String> problems = schema.problems(values);
        if (!problems.isEmpty()) {
            throw new FormValidationException(delegateTask.getName(), problems);
        }
    }

    private FormSchema load(CommandContext commandContext, CamundaFormDefinition form) {
        ResourceEntity resource = commandContext.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
        try {
            return FormSchema.parse(json.readTree(resource.getBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("Form " + form.getKey() + " is not valid JSON", e);
        }
    }
}
