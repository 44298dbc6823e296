package org.jiandu.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused production start as Spring Boot's "APPLICATION FAILED TO START" box, without a stack trace. */
class ProductionGuardFailureAnalyzer extends AbstractFailureAnalyzer<ProductionGuard.UnsafeProductionSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionGuard.UnsafeProductionSettings cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Change the settings named above (environment variable or --property) and start again; see docs/DEPLOYMENT.md.",
                cause);
    }
}
