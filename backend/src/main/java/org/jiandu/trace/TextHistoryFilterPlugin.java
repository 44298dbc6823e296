package org.jiandu.trace;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TextHistoryFilter} in front of the engine's history event handler. Done after the engine's own
 * initialisation, so it wraps whatever handler (the database one and any custom ones) the configuration built; the
 * engine reads its handler from the configuration for every event.
 */
@Component
class TextHistoryFilterPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!(configuration.getHistoryEventHandler() instanceof TextHistoryFilter)) {
            configuration.setHistoryEventHandler(new TextHistoryFilter(configuration.getHistoryEventHandler()));
        }
    }
}
