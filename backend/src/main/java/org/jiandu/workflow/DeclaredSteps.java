package org.jiandu.workflow;

import java.util.Arrays;
import java.util.List;

/** A process's steps as its step enum declares them: the bean a feature registers for {@link StepCatalogue}. */
public abstract class DeclaredSteps implements ProcessSteps {

    private final String processKey;
    private final String recordType;
    private final List<Step> steps;

    protected DeclaredSteps(String processKey, String recordType, CatalogueStep[] steps) {
        this.processKey = processKey;
        this.recordType = recordType;
        this.steps = Arrays.stream(steps).map(CatalogueStep::step).toList();
    }

    @Override
    public String processKey() {
        return processKey;
    }

    @Override
    public String recordType() {
        return recordType;
    }

    @Override
    public List<Step> steps() {
        return steps;
    }
}
