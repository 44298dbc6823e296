package org.jiandu.workflow;

import java.util.List;

/**
 * How a feature declares the user tasks of its process (plug-in, as {@code TraceLinks}): a Spring bean returning its
 * step enum's values. {@link StepCatalogue} collects every feature's steps.
 */
public interface ProcessSteps {

    String processKey();

    /** The record type its notices and audit rows name (e.g. {@code LETTER}), whose number is the business key. */
    String recordType();

    List<? extends ProcessStep> steps();
}
