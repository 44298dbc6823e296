package org.jiandu.complaint;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * A complaint task completed through {@code /engine-rest} (Tasklist) whose form breaks a rule: the engine
 * wraps the complete listener's {@link ComplaintRuleViolation}, which would come out as a 500. This
 * mapper answers 400 with the rule's message, as our API does; every other error keeps Camunda's answer.
 */
@Component
class EngineRestRuleViolations implements ResourceConfigCustomizer {

    /** Ahead of Camunda's own {@link RestExceptionHandler} for the same exception type. */
    private static final int PRIORITY = 1000;

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class, PRIORITY);
    }

    static final class Mapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof ComplaintRuleViolation violation) {
                    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "InvalidRequestException", "code", violation.code(),
                                    "message", violation.getMessage()))
                            .build();
                }
            }
            return camunda.toResponse(exception);
        }
    }
}
