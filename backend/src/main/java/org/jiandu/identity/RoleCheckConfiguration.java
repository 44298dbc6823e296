package org.jiandu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may use which {@code /api} endpoint, in one place: the controllers' {@link Roles} and
 * {@link AnyUser}, checked by {@link RoleInterceptor} before a request is read, required of every
 * endpoint at start-up, and published in the OpenAPI description as {@code x-roles}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RoleCheckConfiguration implements WebMvcConfigurer {

    static final String API = "/api/";
    static final String PUBLIC_API = "/api/public/";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RoleInterceptor()).addPathPatterns("/api/**").excludePathPatterns("/api/public/**");
    }

    /** {@code x-roles}: the role group ids that may use the operation, {@code ["*"]} for every logged-in user. */
    @Bean
    OperationCustomizer rolesInApiDocs() {
        return (operation, handler) -> {
            EndpointRoles.of(handler).ifPresent(rule -> operation.addExtension("x-roles", rule.groupIds()));
            return operation;
        };
    }

    /** A new endpoint without a role rule would be refused to everyone, or worse forgotten: refuse to start. */
    @EventListener
    void everyEndpointDeclaresItsRoles(ContextRefreshedEvent event) {
        RequestMappingHandlerMapping mapping = event.getApplicationContext()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> undeclared = undeclared(mapping.getHandlerMethods());
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("These /api endpoints must declare who may use them, with @Roles or "
                    + "@AnyUser (and not @AnyUser under a class with @Roles): " + undeclared);
        }
    }

    /** The protected endpoints that declare no rule, or a contradictory one. */
    static List<String> undeclared(Map<RequestMappingInfo, HandlerMethod> handlers) {
        List<String> undeclared = new ArrayList<>();
        handlers.forEach((info, handler) -> {
            if (isProtectedApi(info) && (EndpointRoles.of(handler).isEmpty() || contradicts(handler))) {
                undeclared.add(info + " → " + handler.getShortLogMessage());
            }
        });
        return undeclared;
    }

    private static boolean isProtectedApi(RequestMappingInfo info) {
        return info.getPatternValues().stream().anyMatch(path -> path.startsWith(API) && !path.startsWith(PUBLIC_API));
    }

    private static boolean contradicts(HandlerMethod handler) {
        return handler.hasMethodAnnotation(AnyUser.class) && handler.getBeanType().isAnnotationPresent(Roles.class);
    }
}
