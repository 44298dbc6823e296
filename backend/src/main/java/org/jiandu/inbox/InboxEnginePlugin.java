package org.jiandu.inbox;

import java.util.ArrayList;

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
import org.jiandu.notification.Notifications;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process two listeners, without a line in the BPMN: the form
 * check on {@code complete} and the new-task notification on {@code create}; and puts the check of
 * submitted fields ({@link SubmittedFields}) in front of the engine's task and form services. A task whose BPMN declares
 * its own {@code create} listener (a process that words its own new-task messages, e.g. clue-transfer's
 * need-to-know notices) is not notified a second time.
 */
@Component
class InboxEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskForms forms = new TaskForms();
    private final TaskListener formValidation = new FormValidationListener(forms);
    private final TaskListener newTask;

    InboxEnginePlugin(@Lazy Notifications notifications) {
        this.newTask = new NewTaskListener(notifications);
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
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, formValidation);
                if (!declaresCreateListener(userTaskElement)) {
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, newTask);
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
