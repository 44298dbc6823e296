package org.jiandu.workflow;

/**
 * How a step's due date is set: by a deadline policy counted from the step's start ({@code deadlines.due}), by a
 * date an earlier step computed into a variable, or by a number of working days an earlier step chose.
 */
public record Deadline(Kind kind, String name) {

    public enum Kind { POLICY, DATE_VARIABLE, WORKING_DAYS_VARIABLE }

    /** The default of most steps: the {@code task.default} policy. */
    public static final Deadline DEFAULT = policy("task.default");

    public static Deadline policy(String policy) {
        return new Deadline(Kind.POLICY, policy);
    }

    public static Deadline dateIn(String variable) {
        return new Deadline(Kind.DATE_VARIABLE, variable);
    }

    public static Deadline workingDaysIn(String variable) {
        return new Deadline(Kind.WORKING_DAYS_VARIABLE, variable);
    }

    /** The diagram's {@code camunda:dueDate} for this deadline. */
    public String dueDateExpression() {
        return switch (kind) {
            case POLICY -> "${deadlines.due('" + name + "', now())}";
            case DATE_VARIABLE -> "${" + name + "}";
            case WORKING_DAYS_VARIABLE -> "${workdays.add(now(), " + name + ")}";
        };
    }
}
