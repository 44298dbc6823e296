package org.jiandu.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The data of a {@link ProcessStep}, written as a short chain in the feature's step enum:
 * {@code Step.of(KEY, "Task_SignLetter", "领导签发", "letter-sign").by(Workers.roles(Role.LEAD)).fields(...)}.
 */
public final class Step implements ProcessStep {

    private final String processKey;
    private final String taskKey;
    private final String label;
    private final String formKey;
    private Workers workers;
    private List<StepField> fields = List.of();
    private Set<String> leadsTo = Set.of();
    private Deadline deadline = Deadline.DEFAULT;
    private Notices notices = Notices.newTask(Set.of(Audience.WORKERS), Set.of(Audience.WORKERS, Audience.LEADS));
    private final List<SeparationOfDuty> separation = new ArrayList<>();

    private Step(String processKey, String taskKey, String label, String formKey) {
        this.processKey = processKey;
        this.taskKey = taskKey;
        this.label = label;
        this.formKey = formKey;
    }

    public static Step of(String processKey, String taskKey, String label, String formKey) {
        return new Step(processKey, taskKey, label, formKey);
    }

    public Step by(Workers workers) {
        this.workers = workers;
        return this;
    }

    public Step fields(StepField... fields) {
        this.fields = List.of(fields);
        return this;
    }

    public Step leadsTo(Enum<?>... statuses) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(statuses).forEach(status -> names.add(status.name()));
        this.leadsTo = Set.copyOf(names);
        return this;
    }

    public Step due(Deadline deadline) {
        this.deadline = deadline;
        return this;
    }

    public Step notices(Notices notices) {
        this.notices = notices;
        return this;
    }

    public Step notBy(SeparationOfDuty rule) {
        this.separation.add(rule);
        return this;
    }

    @Override public String processKey() { return processKey; }
    @Override public String taskKey() { return taskKey; }
    @Override public String label() { return label; }
    @Override public String formKey() { return formKey; }
    @Override public Workers workers() { return workers; }
    @Override public List<StepField> fields() { return fields; }
    @Override public Set<String> leadsTo() { return leadsTo; }
    @Override public Deadline deadline() { return deadline; }
    @Override public Notices notices() { return notices; }
    @Override public List<SeparationOfDuty> separation() { return List.copyOf(separation); }

    @Override
    public String toString() {
        return processKey + "/" + taskKey;
    }
}
