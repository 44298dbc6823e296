package org.jiandu.incident;

import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The step of the test process incident-test: fails while {@link #FAILING} is set. */
public class FlakyStep implements JavaDelegate {

    static final AtomicBoolean FAILING = new AtomicBoolean(true);

    @Override
    public void execute(DelegateExecution execution) {
        if (FAILING.get()) {
            throw new IllegalStateException("外部系统无响应 (flaky step)");
        }
    }
}
