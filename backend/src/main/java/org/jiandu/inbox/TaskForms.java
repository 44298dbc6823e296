package org.jiandu.inbox;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Form of a task, parsed once per deployed form definition (deployed forms never change).
 * Shared by the form check on completion and the allow-list of fields a completion may set.
 */
final class TaskForms {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

    /** The task's form, or empty when its step has none (a form-less step accepts no fields). */
    Optional<FormSchema> of(TaskEntity task, CommandContext commandContext) {
        task.initializeFormKey();
        CamundaFormRef formRef = task.getCamundaFormRef();
        if (formRef == null) {
            return Optional.empty();
        }
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        CamundaFormDefinition form = new GetCamundaFormDefinitionCmd(formRef, deploymentId).execute(commandContext);
        if (form == null) {
            return Optional.empty();
        }
        return Optional.of(schemas.computeIfAbsent(form.getId(), id -> load(commandContext, form)));
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
