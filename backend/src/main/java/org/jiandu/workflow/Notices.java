package org.jiandu.workflow;

import java.util.Set;

/**
 * Who is told what about a step: on creation (新待办), before it is due (临期提醒) and when it is overdue (超期).
 * {@code ownWording} marks a process that words its creation notice itself (clue-transfer's need-to-know notices,
 * sent by its own listener): the generic new-task notice then stays silent for it, so nobody is told twice.
 */
public record Notices(boolean ownWording, Set<Audience> created, Set<Audience> reminded, Set<Audience> overdue) {

    /** The workers are told of a new task by the generic notice; reminder and escalation as given. */
    public static Notices newTask(Set<Audience> reminded, Set<Audience> overdue) {
        return new Notices(false, Set.of(Audience.WORKERS), reminded, overdue);
    }

    /** The process tells the workers of a new task in its own words. */
    public static Notices ownWording(Set<Audience> reminded, Set<Audience> overdue) {
        return new Notices(true, Set.of(Audience.WORKERS), reminded, overdue);
    }
}
