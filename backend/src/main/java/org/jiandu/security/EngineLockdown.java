package org.jiandu.security;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Engine settings of the trust boundary (docs/SECURITY.md):
 * <ul>
 * <li>no expressions in stored or ad-hoc queries (a saved Tasklist filter can no longer run code);</li>
 * <li>expressions in the BPMN see only the beans named in {@link #PROCESS_BEANS}, never the application
 *     context, a mapper or {@code jdbcTemplate};</li>
 * <li>the assignee and candidates of a task get {@code TASK_WORK} on it (claim, complete), not {@code UPDATE}
 *     (variables, assignee, candidates, due date): only our task operations change those;</li>
 * <li>a business key names one record, so no second instance of a process may start with it.</li>
 * </ul>
 */
@Component
class EngineLockdown extends AbstractProcessEnginePlugin {

    /** The beans the processes call, by the names their BPMN uses; nothing else resolves in an expression. */
    static final Set<String> PROCESS_BEANS = Set.of(
            // calendar and deadlines
            "workdays", "deadlines", "escalation",
            // a step's reminder and overdue timers (workflow.StepNotifier tells whom the step declares)
            "stepTimers",
            // complaint-handling
            "complaintSteps", "remindComplaintTask", "escalateComplaintTask",
            "setInvestigationDeadline", "extendInvestigation", "reopenInvestigation", "recordFollowUp", "closeComplaint",
            // supervision-case
            "caseSteps",
            // supervision-letter
            "letterSteps", "letterDecisions", "letterIssuing",
            // rectification-tracking (and the letter's opening of one)
            "rectificationSteps", "newRectifications",
            // the escalation ladder shared by letters and rectifications
            "ladderAlerts", "ladderDocuments", "superviseDecisions",
            // clue-transfer
            "clueNotices", "clueWorkflow", "issueClueTransfer");

    private final ApplicationContext context;

    EngineLockdown(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        Map<Object, Object> beans = new ProcessBeans(context);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener oneInstancePerKey = new OneInstancePerBusinessKey();
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, oneInstancePerKey);
            }
        });
    }

    /** The allow-listed beans, looked up when an expression first asks (the engine is built before them). */
    private static final class ProcessBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;

        ProcessBeans(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean containsKey(Object name) {
            return PROCESS_BEANS.contains(name) && context.containsBean((String) name);
        }

        @Override
        public Object get(Object name) {
            return containsKey(name) ? context.getBean((String) name) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            Set<Entry<Object, Object>> entries = new java.util.LinkedHashSet<>();
            PROCESS_BEANS.stream().filter(this::containsKey).forEach(name -> entries.add(Map.entry(name, get(name))));
            return entries;
        }
    }
}
