package org.jiandu.workflow;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** How a feature finds the record a process instance works on, the same for every process. */
public final class RecordAccess {

    private RecordAccess() {
    }

    /**
     * The record a process instance works on: the one its business key numbers, never one a variable names (a
     * caller can send variables). A missing record is a broken instance, not a refusal.
     *
     * @param byNumber the feature's lookup by record number
     * @param what     the kind of record, for the message: {@code letter}, {@code case}
     */
    public static <T> T ofProcess(DelegateExecution execution, Function<String, Optional<T>> byNumber, String what) {
        String recordNo = execution.getProcessBusinessKey();
        return byNumber.apply(recordNo).orElseThrow(() -> new IllegalStateException("No " + what + " " + recordNo));
    }
}
