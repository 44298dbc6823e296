package org.jiandu.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * A feature's step enum (one constant per user task, e.g. {@code LetterStep}): each constant holds its declared
 * {@link Step}; the lookups by task key are the same for every process.
 */
public interface CatalogueStep {

    Step step();

    default String taskKey() {
        return step().taskKey();
    }

    default String label() {
        return step().label();
    }

    /** The step of this task key among a process's steps, if it is one of them. */
    static <E extends CatalogueStep> Optional<E> find(E[] steps, String taskKey) {
        return Arrays.stream(steps).filter(step -> step.taskKey().equals(taskKey)).findFirst();
    }

    /** The step of a task of this process; an unknown task key is a programming error. */
    static <E extends CatalogueStep> E require(E[] steps, String processKey, String taskKey) {
        return find(steps, taskKey).orElseThrow(() ->
                new IllegalStateException("No step " + taskKey + " in " + processKey));
    }
}
