package org.jiandu.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.jiandu.web.RuleViolation;

/**
 * The engine wraps what a task listener throws into a generic engine error, which {@code /engine-rest}
 * answers with 500. This configuration of the engine REST API answers a {@link RuleViolation} (a failed
 * form check, a feature's own rule) with its status (400, or 403 for a person a rule excludes), its code and its
 * message instead, as for any other bad
 * request; every other error keeps Camunda's own answer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EngineRestFormErrors {

    @Bean
    CamundaJerseyResourceConfig engineRestConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                Set<Class<?>> configuration = CamundaRestResources.getConfigurationClasses().stream()
                        .filter(type -> type != RestExceptionHandler.class && type != ProcessEngineExceptionHandler.class
                                && type != RestErrors.class && type != EngineErrors.class) // see TasklistFormErrors
                        .collect(Collectors.toSet());
                registerClasses(configuration);
                register(RestErrors.class);
                register(EngineErrors.class);
                register(org.glassfish.jersey.jackson.JacksonFeature.class);
            }
        };
    }

    static Response refused(RuleViolation violation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("code", violation.code());
        body.put("message", violation.getMessage());
        if (!violation.fields().isEmpty()) {
            body.put("fields", violation.fields());
        }
        return Response.status(violation.httpStatus()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }



    /** Errors the REST resources raise themselves (e.g. "Cannot complete task"), with the engine's error as cause. */
    public static class RestErrors implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return RuleViolation.in(exception).map(EngineRestFormErrors::refused)
                    .orElseGet(() -> camunda.toResponse(exception));
        }
    }

    /** Engine errors that reach the REST layer unwrapped (e.g. submitting a task form). */
    public static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return RuleViolation.in(exception).map(EngineRestFormErrors::refused)
                    .orElseGet(() -> camunda.toResponse(exception));
        }
    }
}
