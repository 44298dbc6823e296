package org.jiandu.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.jiandu.identity.JianduIdentityProvider;
import org.springframework.stereotype.Component;

/**
 * Engine settings that properties cannot express: password checks refuse disabled accounts, so the
 * webapps' login and the API's agree on who may log in. Our {@code admin} role is deliberately not an
 * engine administrator (see {@code identity.AccessBootstrap} and docs/SECURITY.md).
 */
@Component
class EngineSettings extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(JianduIdentityProvider.class));
        configuration.setJavaSerializationFormatEnabled(false);
    }
}
