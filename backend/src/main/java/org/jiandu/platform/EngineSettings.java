package org.jiandu.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.jiandu.identity.Role;
import org.jiandu.identity.JianduIdentityProvider;
import org.springframework.stereotype.Component;

/**
 * Engine settings that properties cannot express: our {@code admin} role is an engine administrator
 * (as is Camunda's own {@code camunda-admin}), and password checks refuse disabled accounts, so the
 * webapps' login and the API's agree on who may log in.
 */
@Component
class EngineSettings extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(JianduIdentityProvider.class));
        configuration.setJavaSerializationFormatEnabled(false);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getAdminGroups() == null) {
            configuration.setAdminGroups(new java.util.ArrayList<>(java.util.List.of("camunda-admin")));
        }
        if (!configuration.getAdminGroups().contains(Role.ADMIN.groupId())) {
            configuration.getAdminGroups().add(Role.ADMIN.groupId());
        }
    }
}
