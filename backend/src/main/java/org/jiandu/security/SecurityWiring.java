package org.jiandu.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityWiring {

    /** Before the webapps' JAX-RS servlet, after their session filters (it reads the session only). */
    @Bean
    FilterRegistrationBean<EngineDoors> engineDoors(ObjectMapper json) {
        FilterRegistrationBean<EngineDoors> registration = new FilterRegistrationBean<>(new EngineDoors(json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        registration.setName("jianduEngineDoors");
        return registration;
    }
}
