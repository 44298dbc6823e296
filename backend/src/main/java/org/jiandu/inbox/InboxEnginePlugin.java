package org.jiandu.inbox;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.jiandu.workflow.SeparationOfDutyCheck;
import org.jiandu.workflow.StepCatalogue;
import org.jiandu.workflow.StepNotifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process its built-in listeners, without a line in the BPMN: on
 * {@code complete} the step catalogue's separation of duty ({@link SeparationOfDutyCheck}) and the form check, on
 * {@code create} the new-task notice ({@link NewTaskListener}, which stays silent for a step the catalogue says
 * words its own: the catalogue decides, not whether the BPMN has a create listener of its own, except for a process
 * outside the catalogue); on every change of a task the inbox's index of open tasks ({@link OpenTasks}); and puts
 * the check of submitted fields ({@link SubmittedFields}) in front of the engine's task and form services.
 */
@Component
class InboxEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskForms forms = new TaskForms();
    private final TaskListener formValidation = new FormValidationListener(forms);
    private final TaskListener newTask;
    private final TaskListener newTaskOutsideCatalogueWithOwnListener;
    private final TaskListener separationOfDuty;
    private final StepCatalogue catalogue;
    private final TaskListener openTasks;

    InboxEnginePlugin(@Lazy StepNotifier notifier, @Lazy StepCatalogue catalogue, @Lazy OpenTasks openTasks) {
        this.catalogue = catalogue;
        this.openTasks = openTasks;
        this.newTask = new NewTaskListener(notifier, () -> catalogue, false);
        this.newTaskOutsideCatalogueWithOwnListener = new NewTaskListener(notifier, () -> catalogue, true);
        this.separationOfDuty = new SeparationOfDutyCheck(() -> catalogue);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        SubmittedFields submittedFields = new SubmittedFields(forms, () -> catalogue, configuration);
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
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                        declaresCreateListener(userTaskElement) ? newTaskOutsideCatalogueWithOwnListener : newTask);
                for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                        TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
                    definition.addBuiltInTaskListener(event, openTasks);
                }
            }
        });
    }

    private static boolean declaresCreateListener(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        if (extensions == null) {
            return false;
        }
        return extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "taskListener").stream()
                .anyMatch(listener -> TaskListener.EVENTNAME_CREATE.equals(listener.attribute("event")));
    }
}
