-- Task inbox (待办): urges (催办, at most one per task and working day) and carbon copies (抄送).
-- Portable SQL: runs unchanged on H2 2.x and MySQL 8 / MariaDB 10.11+.

CREATE TABLE task_urge (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id     VARCHAR(64)  NOT NULL,
    urge_day    DATE         NOT NULL,   -- the working day the urge counts for
    urged_by    VARCHAR(64)  NOT NULL,
    message     VARCHAR(500),
    urged_at    DATETIME     NOT NULL,
    CONSTRAINT uk_task_urge_day UNIQUE (task_id, urge_day)
);

-- A copy of a task for a person's information: what the row shows is kept here, so the 抄送我的 view
-- still reads after the task is done.
CREATE TABLE task_cc (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id             VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    process_key         VARCHAR(255) NOT NULL,
    process_name        VARCHAR(255),
    business_key        VARCHAR(255),
    agency_code         VARCHAR(32),
    step_name           VARCHAR(255),
    task_created_at     DATETIME,
    task_due_at         DATETIME,
    recipient           VARCHAR(64)  NOT NULL,
    cc_by               VARCHAR(64)  NOT NULL,
    message             VARCHAR(500),
    cc_at               DATETIME     NOT NULL,
    read_at             DATETIME,
    CONSTRAINT uk_task_cc UNIQUE (task_id, recipient)
);
CREATE INDEX ix_task_cc_recipient ON task_cc (recipient, cc_at);
