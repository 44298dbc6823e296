package org.jiandu.inbox;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.jiandu.notification.Notifications;
import org.jiandu.workflow.SeparationOfDutyCheck;
import org.jiandu.workflow.StepCatalogue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process its built-in listeners, without a line in the BPMN: on
 * {@code complete} the step catalogue's separation of duty ({@link SeparationOfDutyCheck}) and the form check, on
 * {@code create} the new-task notice ({@link NewTaskListener}, which stays silent for a step the catalogue says
 * words its own); and puts the check of submitted fields ({@link SubmittedFields}) in front of the engine's task and
 * form services.
 */
@Component
class InboxEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskForms forms = new TaskForms();
    private final TaskListener formValidation = new FormValidationListener(forms);
    private final TaskListener newTask;
    private final TaskListener separationOfDuty;

    InboxEnginePlugin(@Lazy Notifications notifications, @Lazy StepCatalogue catalogue) {
        this.newTask = new NewTaskListener(notifications, () -> catalogue);
        this.separationOfDuty = new SeparationOfDutyCheck(() -> catalogue);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        SubmittedFields submittedFields = new SubmittedFields(forms, configuration);
        configuration.setTaskService(new SubmittedFields.GuardedTaskService(submittedFields));
        configuration.setFormService(new SubmittedFields.GuardedFormService(submittedFields));
        configuration.setFilterService(new ScopedFilterService(configuration));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, separationOfDuty);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, formValidation);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, newTask);
            }
        });
    }
}
