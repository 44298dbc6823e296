package org.jiandu.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import org.springframework.jdbc.core.JdbcTemplate;

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

    /** Every call of the webapps' APIs: a disabled account's session ends at once. */
    @Bean
    FilterRegistrationBean<DisabledAccounts> disabledAccounts(JdbcTemplate jdbc, ObjectMapper json) {
        FilterRegistrationBean<DisabledAccounts> registration = new FilterRegistrationBean<>(new DisabledAccounts(jdbc, json));
        registration.addUrlPatterns("/camunda/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        registration.setName("jianduDisabledAccounts");
        return registration;
    }
}
