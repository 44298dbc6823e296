package org.jiandu.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's identity provider is ours ({@link JianduIdentityProvider}): password checks refuse disabled
 * accounts, so the webapps' login and the API's agree on who may log in.
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(JianduIdentityProvider.class));
    }
}
