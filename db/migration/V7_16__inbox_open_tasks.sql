-- The inbox's own index of the open tasks (issue 15, target 3: a page of 我的待办 / 待认领 in milliseconds at
-- 100,000 open tasks). Kept by inbox.OpenTasks, a listener on every user task, in the transaction that changes the
-- task; filled from the engine's tables by V7_16_1 on a database that has open tasks already.
-- Portable SQL: runs unchanged on H2 2.x and MySQL 8 / MariaDB 10.11+.

-- One row per open task. audience: 'u:<assignee>' for an assigned task (我的待办 of that person), otherwise
-- 'g:<its candidate groups, sorted, comma-separated>' (待认领 of every member of one of them). Everything else is
-- what a page shows and filters on, copied from the engine when the task changes.
CREATE TABLE inbox_task (
    task_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    audience      VARCHAR(500) NOT NULL,
    process_key   VARCHAR(255),
    process_name  VARCHAR(255),
    business_key  VARCHAR(255),
    agency_code   VARCHAR(32),
    task_name     VARCHAR(255),
    created_at    DATETIME     NOT NULL,
    due_at        DATETIME,
    priority      INT          NOT NULL
);
-- a page is one range of one of these per audience, read in order (no sort of the audience's tasks)
CREATE INDEX ix_inbox_task_created ON inbox_task (audience, created_at, task_id);
CREATE INDEX ix_inbox_task_due ON inbox_task (audience, due_at, task_id);
CREATE INDEX ix_inbox_task_priority ON inbox_task (audience, priority, task_id);

-- The badges: open tasks per audience, split over a few rows (shard) so that transactions adding to the same
-- audience rarely wait for each other; an audience's count is the sum of its rows.
CREATE TABLE inbox_badge (
    audience    VARCHAR(500) NOT NULL,
    shard       INT          NOT NULL,
    open_tasks  BIGINT       NOT NULL,
    PRIMARY KEY (audience, shard)
);
