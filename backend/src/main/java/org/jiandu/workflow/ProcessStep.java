package org.jiandu.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One user task of a process, declared once by its feature (an enum per process, e.g. {@code LetterStep}): the
 * task's key and form, who works it, the fields its form submits (the only variables a person's completion may
 * set), the statuses its completion may give the record, its deadline, who is told about it, and whom it must not be
 * completed by. {@link StepCatalogue} collects them; {@code StepCatalogueTest} holds them to the BPMN and the forms.
 */
public interface ProcessStep {

    String processKey();

    /** The user task's id in the diagram, e.g. {@code Task_SignLetter}. */
    String taskKey();

    /** The step's Chinese name, as the diagram names the task. */
    String label();

    /** The Camunda Form of the task ({@code camunda:formRef}). */
    String formKey();

    Workers workers();

    List<StepField> fields();

    /** The statuses (names of the process's status enum) the record may take when this step completes; may be empty. */
    Set<String> leadsTo();

    Deadline deadline();

    Notices notices();

    List<SeparationOfDuty> separation();

    default Optional<StepField> field(String name) {
        return fields().stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The names of the fields the feature's tables keep, out of the engine. */
    default List<String> textsKeptOut() {
        return fields().stream().filter(StepField::keptOutOfEngine).map(StepField::name).toList();
    }
}
