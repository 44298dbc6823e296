package org.jiandu.platform;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda creates its tables when the engine is built; Flyway refuses a non-empty schema that has no
 * history table of its own. The engine therefore waits for Flyway: on an empty database Flyway runs
 * first, then Camunda adds its schema beside the business tables.
 */
@Component
class FlywayBeforeEngine implements BeanFactoryPostProcessor {

    static final String ENGINE_BEAN = "processEngineFactoryBean";
    static final String FLYWAY_BEAN = "flywayInitializer";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        if (!beanFactory.containsBeanDefinition(ENGINE_BEAN) || !beanFactory.containsBeanDefinition(FLYWAY_BEAN)) {
            return;
        }
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_BEAN);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (engine.getDependsOn() != null) {
            dependsOn.addAll(Arrays.asList(engine.getDependsOn()));
        }
        dependsOn.add(FLYWAY_BEAN);
        engine.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
