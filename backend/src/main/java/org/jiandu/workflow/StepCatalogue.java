package org.jiandu.workflow;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Every declared user task of every process, by process and task key. */
@Component
public class StepCatalogue {

    private final Map<String, ProcessStep> steps = new LinkedHashMap<>();
    private final Map<String, String> recordTypes = new LinkedHashMap<>();

    @Autowired
    StepCatalogue(List<ProcessSteps> processes) {
        this(processes.stream().flatMap(process -> process.steps().stream()).map(ProcessStep.class::cast).toList());
        processes.forEach(process -> recordTypes.put(process.processKey(), process.recordType()));
    }

    /** A catalogue of the given steps (tests). */
    public StepCatalogue(Collection<? extends ProcessStep> all) {
        for (ProcessStep step : all) {
            ProcessStep earlier = steps.put(key(step.processKey(), step.taskKey()), step);
            if (earlier != null) {
                throw new IllegalStateException("Step declared twice: " + step);
            }
        }
    }

    public Optional<ProcessStep> step(String processKey, String taskKey) {
        return Optional.ofNullable(steps.get(key(processKey, taskKey)));
    }

    /** The record type of a process's notices: its declared one, or its key in capitals (a process of a test). */
    public String recordType(String processKey) {
        return recordTypes.getOrDefault(processKey, processKey.toUpperCase());
    }

    public Collection<ProcessStep> all() {
        return steps.values();
    }

    private static String key(String processKey, String taskKey) {
        return processKey + "#" + taskKey;
    }
}
