package org.jiandu.workflow;

/**
 * One input of a step's form: its name, type and whether the form requires it (when shown). A field
 * {@code keptOutOfEngine} (an opinion, a reply, minutes) is taken into the feature's tables by the step's
 * completion and never stays a process variable; the others are the decisions the process carries.
 */
public record StepField(String name, FieldType type, boolean required, boolean keptOutOfEngine) {

    public static StepField required(String name, FieldType type) {
        return new StepField(name, type, true, false);
    }

    public static StepField optional(String name, FieldType type) {
        return new StepField(name, type, false, false);
    }

    /** A required text the feature's tables keep. */
    public static StepField requiredText(String name) {
        return new StepField(name, FieldType.TEXT, true, true);
    }

    /** An optional text the feature's tables keep. */
    public static StepField optionalText(String name) {
        return new StepField(name, FieldType.TEXT, false, true);
    }

    /** The same field, kept in the feature's tables rather than in the process. */
    public StepField keptOut() {
        return new StepField(name, type, required, true);
    }
}
