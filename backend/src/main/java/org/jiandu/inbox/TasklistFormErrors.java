package org.jiandu.inbox;

import java.util.Set;

import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tasklist submits a form to the webapps' own engine API ({@code /camunda/api/engine}), a JAX-RS application
 * of Camunda's that we do not configure: it takes its exception mappers from
 * {@link CamundaRestResources#getConfigurationClasses()}. There a refused form (a {@code RuleViolation} that
 * the engine wrapped as "ENGINE-03051 ... TaskListener") would be a 500; with the mappers of
 * {@link EngineRestFormErrors} put in place of Camunda's two, it is a 400 whose message is only the Chinese
 * rule text, which Tasklist shows to the user. Runs before the servlets start (a singleton bean is created
 * before the embedded container starts its servlets).
 */
@Component
@ConditionalOnWebApplication
class TasklistFormErrors {

    TasklistFormErrors() {
        Set<Class<?>> shared = CamundaRestResources.getConfigurationClasses();
        synchronized (shared) {
            shared.remove(RestExceptionHandler.class);
            shared.remove(ProcessEngineExceptionHandler.class);
            shared.add(EngineRestFormErrors.RestErrors.class);
            shared.add(EngineRestFormErrors.EngineErrors.class);
        }
    }
}
