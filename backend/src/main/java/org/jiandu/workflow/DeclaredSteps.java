package org.jiandu.workflow;

import java.util.Arrays;
import java.util.List;

/** A process's steps as its step enum declares them: the bean a feature registers for {@link StepCatalogue}. */
public abstract class DeclaredSteps implements ProcessSteps {

    private final String processKey;
    private final List<Step> steps;

    protected DeclaredSteps(String processKey, CatalogueStep[] steps) {
        this.processKey = processKey;
        this.steps = Arrays.stream(steps).map(CatalogueStep::step).toList();
    }

    @Override
    public String processKey() {
        return processKey;
    }

    @Override
    public List<Step> steps() {
        return steps;
    }
}
