-- Which deadline notices a task has had (issue 14, one notifier): one row per task and kind (REMINDER, OVERDUE),
-- written in the timer job's transaction before anyone is told. A timer that fires again for the same task (a job
-- retried or executed twice, a second node) finds the row and tells nobody; two at once collide on the key.
CREATE TABLE step_notice (
    task_id  VARCHAR(64) NOT NULL,
    kind     VARCHAR(16) NOT NULL,
    sent_at  DATETIME    NOT NULL,
    PRIMARY KEY (task_id, kind)
);
