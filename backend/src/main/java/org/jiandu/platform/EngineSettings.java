package org.jiandu.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine settings that properties cannot express: no Java serialization of variables. Our {@code admin}
 * role is deliberately not an engine administrator (see {@code identity.AccessBootstrap} and
 * docs/SECURITY.md); the identity provider is plugged in by identity ({@code identity.IdentityEnginePlugin}).
 */
@Component
class EngineSettings extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setJavaSerializationFormatEnabled(false);
    }
}
