package org.jiandu.workflow;

/** Who is told about a step (its creation, a reminder, its being overdue), beyond or instead of nobody. */
public enum Audience {
    /** Whoever works the step: its assignee, or else its candidates. */
    WORKERS,
    /** The leads (科室负责人), told when a step of theirs or their staff is overdue. */
    LEADS,
    /** The record's handler (the proposer of a clue). */
    HANDLER,
    /** The supervisors (监督员), who follow an agency's overdue step. */
    SUPERVISORS
}
