package org.jiandu.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Engine calls that our own service has already authorized by business rules (for example an agency
 * user's reply moving a letter's process on), run with the engine's authorization checks off but the
 * authenticated user kept, so Camunda's history and user-operation log still name the person.
 * Nested engine calls reuse the command context and therefore its disabled checks.
 */
@Component
public class EngineAccess {

    private final ProcessEngineConfigurationImpl configuration;

    EngineAccess(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    public <T> T withoutAuthorizationChecks(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
            commandContext.disableAuthorizationCheck();
            try {
                return work.get();
            } finally {
                restore(commandContext, wasEnabled);
            }
        });
    }

    public void withoutAuthorizationChecks(Runnable work) {
        withoutAuthorizationChecks(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs several engine calls as one engine command, with the authorization checks as they are: the nested calls
     * share its entity cache (a task, its execution and process definition are read once) and one flush at its end.
     * Camunda gives the user-operation-log entries of one command one operation id; the trace tells them apart by
     * their type ({@code trace.TraceHistory}).
     */
    public void inOneCommand(Runnable work) {
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            work.run();
            return null;
        });
    }

    private static void restore(CommandContext commandContext, boolean wasEnabled) {
        if (wasEnabled) {
            commandContext.enableAuthorizationCheck();
        }
    }
}
