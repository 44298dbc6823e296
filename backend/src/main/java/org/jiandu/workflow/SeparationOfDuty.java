package org.jiandu.workflow;

/**
 * "Not the person who did X" (不相容岗位分离): a step that may not be completed by the person who completed an earlier
 * step of the same process ({@link #notWhoDid}), or by the person a process variable set by our services names
 * ({@link #notPersonIn}, e.g. the proposer of a clue, who is its handler).
 */
public record SeparationOfDuty(String taskKey, String variable, String message) {

    public static SeparationOfDuty notWhoDid(String taskKey, String message) {
        return new SeparationOfDuty(taskKey, null, message);
    }

    public static SeparationOfDuty notPersonIn(String variable, String message) {
        return new SeparationOfDuty(null, variable, message);
    }
}
